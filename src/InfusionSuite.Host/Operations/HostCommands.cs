using InfusionSuite.Web;

namespace InfusionSuite.Host.Operations;

/// <summary>
/// The host's commands, run instead of serving when the first argument names one:
/// <c>users …</c> (the nurse station's accounts), <c>backup --to FILE</c> (online copy of the database), <c>export-bundles --out FILE</c> (the
/// outbox's Bundles as NDJSON) and <c>settings-doc [--write FILE]</c> (the settings reference
/// generated from the options classes). None starts the worker.
/// </summary>
public static class HostCommands
{
    /// <summary>Runs the command named by <paramref name="args"/>, or serves until stopped; returns the exit code.</summary>
    public static async Task<int> RunOrCommandAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        switch (args.FirstOrDefault())
        {
            case "backup":
                return await BackupAsync(app, args);
            case Delivery.BundleExportCommand.Verb:
                return await Delivery.BundleExportCommand.RunAsync(args[1..]);
            case "settings-doc":
                return await SettingsDocAsync(args);
            default:
                return await app.RunNurseStationAsync(args); // the nurse station's admin command (users …), or serve
        }
    }

    private static async Task<int> BackupAsync(WebApplication app, string[] args)
    {
        if (Option(args, "--to") is not { } target)
        {
            await Console.Error.WriteLineAsync("usage: backup --to FILE   (an online copy of Storage:DatabasePath; FILE must not exist)");
            return 2;
        }

        try
        {
            var backup = new DatabaseBackup(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Storage.StorageOptions>>());
            var written = await backup.WriteAsync(target, app.Lifetime.ApplicationStopping);
            await Console.Out.WriteLineAsync($"Backed up {backup.DatabasePath} to {written}");
            return 0;
        }
        catch (Exception e) when (e is IOException or Microsoft.Data.Sqlite.SqliteException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await Console.Error.WriteLineAsync("backup failed: " + e.Message);
            return 1;
        }
    }

    private static async Task<int> SettingsDocAsync(string[] args)
    {
        var markdown = SettingsDocument.Markdown();
        if (Option(args, "--write") is not { } file)
        {
            await Console.Out.WriteAsync(markdown);
            return 0;
        }

        var text = await File.ReadAllTextAsync(file);
        if (!SettingsDocument.TryReplace(text, markdown, out var updated))
        {
            await Console.Error.WriteLineAsync($"{file} has no {SettingsDocument.BeginMarker} … {SettingsDocument.EndMarker} block.");
            return 1;
        }

        await File.WriteAllTextAsync(file, updated);
        await Console.Out.WriteLineAsync($"Settings written to {file}");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : args.FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
    }
}
