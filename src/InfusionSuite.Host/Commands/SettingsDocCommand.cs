using System.CommandLine;
using InfusionSuite.Host.Operations;

namespace InfusionSuite.Host.Commands;

/// <summary><c>settings-doc [--write FILE]</c>: the settings reference generated from the options classes (<see cref="SettingsDocument"/>).</summary>
internal static class SettingsDocCommand
{
    public static Command Create(CommandConsole console)
    {
        var write = new Option<string?>("--write") { Description = "Replace the generated block of this Markdown file instead of printing it.", HelpName = "FILE" };
        var command = new Command("settings-doc", "Print the settings reference generated from the options classes.") { write };
        command.SetAction(async (result, cancellationToken) =>
        {
            var markdown = SettingsDocument.Markdown();
            if (result.GetValue(write) is not { } file)
            {
                await console.Out.WriteAsync(markdown);
                return 0;
            }

            var text = await File.ReadAllTextAsync(file, cancellationToken);
            if (!SettingsDocument.TryReplace(text, markdown, out var updated))
            {
                await console.Error.WriteLineAsync($"{file} has no {SettingsDocument.BeginMarker} … {SettingsDocument.EndMarker} block.");
                return 1;
            }

            await File.WriteAllTextAsync(file, updated, cancellationToken);
            await console.Out.WriteLineAsync($"Settings written to {file}");
            return 0;
        });
        return command;
    }
}
