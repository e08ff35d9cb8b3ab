using System.CommandLine;
using InfusionSuite.Storage;
using InfusionSuite.Storage.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InfusionSuite.Host.Commands;

/// <summary>
/// <c>copy-to-postgresql --from FILE</c>: moves a suite's SQLite database into the configured, empty PostgreSQL
/// database (<c>Storage:Provider=PostgreSql</c>, <c>Storage:ConnectionString</c>) with <see cref="SqliteToPostgreSql"/>.
/// </summary>
internal static class CopyToPostgreSqlCommand
{
    public static Command Create(CommandConsole console)
    {
        var from = new Option<string>("--from") { Description = "The suite's SQLite database file (stop its service first).", Required = true, HelpName = "FILE" };
        var copy = new Command(
            "copy-to-postgresql",
            "Copy a SQLite database into the configured PostgreSQL database (Storage:Provider=PostgreSql), which must be empty; all or nothing.") { from };
        copy.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                await using var host = CommandHost.Build(result);
                var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
                if (storage.Provider != StorageProvider.PostgreSql)
                {
                    await console.Error.WriteLineAsync("copy-to-postgresql copies into the configured PostgreSQL database: set Storage:Provider=PostgreSql and Storage:ConnectionString.");
                    return 1;
                }

                var source = Path.GetFullPath(result.GetRequiredValue(from));
                var tables = await SqliteToPostgreSql.CopyAsync(source, storage.ConnectionString, cancellationToken);
                foreach (var (table, rows) in tables)
                {
                    await console.Out.WriteLineAsync($"{table}: {rows:N0} rows");
                }

                await console.Out.WriteLineAsync($"Copied {source} into the {PostgreSqlBackup.Describe(storage.ConnectionString)}.");
                return 0;
            }
            catch (Exception e) when (e is IOException or SqliteException or NpgsqlException or InvalidOperationException or OptionsValidationException)
            {
                await console.Error.WriteLineAsync("copy-to-postgresql failed: " + e.Message);
                return 1;
            }
        });
        return copy;
    }
}
