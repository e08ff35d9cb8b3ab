using System.CommandLine;
using InfusionSuite.Application.Hosting;

namespace InfusionSuite.Host.Commands;

/// <summary>
/// Parses and runs a host's command line: settings accepted anywhere (<see cref="SettingsArguments"/>),
/// <c>--help</c> on every command, and on anything unknown or missing the errors and the command's
/// usage on stderr with exit code 2. A database a command cannot use or a bad setting: one line on stderr, exit 1.
/// Other exceptions and Ctrl-C are left to the host (a served host stops gracefully).
/// </summary>
public static class CommandLineInvocation
{
    /// <summary>The exit code of a command line that does not parse.</summary>
    public const int UsageExitCode = 2;

    public static async Task<int> InvokeAsync(RootCommand root, IReadOnlyList<string> args, CommandConsole console)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(console);
        SettingsArguments.AddTo(root);
        var parser = new ParserConfiguration { ResponseFileTokenReplacer = null };
        var result = root.Parse(SettingsArguments.Rewrite(root, args), parser);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                await console.Error.WriteLineAsync(error.Message);
            }

            await console.Error.WriteLineAsync();
            await root.Parse([.. CommandPath(result.CommandResult.Command), "--help"], parser).InvokeAsync(Configuration(console.Error, console.Error));
            return UsageExitCode;
        }

        try
        {
            return await result.InvokeAsync(Configuration(console.Out, console.Error));
        }
        catch (Exception e) when (ServiceRun.StopsWithOneLine(e))
        {
            // A command (users, backup, …) on a database it cannot use, or with a bad setting: one line, as the service says it.
            await console.Error.WriteLineAsync("InfusionSuite stopped: " + e.Message.ReplaceLineEndings(" "));
            return ServiceRun.FatalExitCode;
        }
    }

    private static InvocationConfiguration Configuration(TextWriter output, TextWriter error) => new()
    {
        Output = output,
        Error = error,
        EnableDefaultExceptionHandler = false, // a failed start stops the process as before, with the host's own message
        ProcessTerminationTimeout = null,      // Ctrl-C and SIGTERM belong to the host's graceful stop
    };

    /// <summary>The names of the sub-commands from the root down to <paramref name="command"/> (the root itself excluded).</summary>
    private static IEnumerable<string> CommandPath(Command command)
    {
        var path = new Stack<string>();
        for (var c = command; c is not RootCommand && c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            path.Push(c.Name);
        }

        return path;
    }
}
