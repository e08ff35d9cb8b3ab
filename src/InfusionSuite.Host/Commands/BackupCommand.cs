using System.CommandLine;
using InfusionSuite.Host.Operations;
using InfusionSuite.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Host.Commands;

/// <summary><c>backup --to FILE</c>: an online copy of the database (<see cref="DatabaseBackup"/>) while the host may keep writing.</summary>
internal static class BackupCommand
{
    public static Command Create(CommandConsole console)
    {
        var to = new Option<string>("--to") { Description = "The copy to write; it must not exist.", Required = true, HelpName = "FILE" };
        var backup = new Command("backup", "An online copy of the database: SQLite by VACUUM INTO, PostgreSQL by pg_dump (custom format); never overwrites.") { to };
        backup.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                await using var host = CommandHost.Build(result);
                var database = new DatabaseBackup(host.Services.GetRequiredService<IOptions<StorageOptions>>());
                var written = await database.WriteAsync(result.GetRequiredValue(to), cancellationToken);
                await console.Out.WriteLineAsync($"Backed up {database.Source} to {written}");
                return 0;
            }
            catch (Exception e) when (e is IOException or SqliteException or OptionsValidationException)
            {
                await console.Error.WriteLineAsync("backup failed: " + e.Message);
                return 1;
            }
        });
        return backup;
    }
}
