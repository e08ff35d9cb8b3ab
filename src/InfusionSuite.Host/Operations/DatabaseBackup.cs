using InfusionSuite.Storage;
using InfusionSuite.Storage.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Host.Operations;

/// <summary>
/// An online backup of the configured database. SQLite: <c>VACUUM INTO</c>, a consistent, compacted copy
/// taken while the host keeps writing (WAL readers do not block the writer); the copy is a normal database
/// file: restore it by stopping the host and putting it at <c>Storage:DatabasePath</c>. PostgreSQL:
/// <c>pg_dump --format=custom</c> (<see cref="PostgreSqlBackup"/>); restore it with <c>pg_restore</c>.
/// </summary>
internal sealed class DatabaseBackup(IOptions<StorageOptions> storage)
{
    public string Source => storage.Value.Provider == StorageProvider.PostgreSql
        ? PostgreSqlBackup.Describe(storage.Value.ConnectionString)
        : Path.GetFullPath(storage.Value.DatabasePath);

    /// <summary>Writes the copy to <paramref name="target"/>, which must not exist yet; returns its full path.</summary>
    public async Task<string> WriteAsync(string target, CancellationToken cancellationToken)
    {
        var source = Source;
        if (storage.Value.Provider == StorageProvider.Sqlite && !File.Exists(source))
        {
            throw new FileNotFoundException($"No database at {source} (Storage:DatabasePath).", source);
        }

        var full = Path.GetFullPath(target);
        if (File.Exists(full))
        {
            throw new IOException($"{full} exists already: a backup never overwrites a file.");
        }

        if (Path.GetDirectoryName(full) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        if (storage.Value.Provider == StorageProvider.PostgreSql)
        {
            await PostgreSqlBackup.WriteAsync(storage.Value.ConnectionString, full, cancellationToken);
            return full;
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = source,
            Mode = SqliteOpenMode.ReadOnly,
            DefaultTimeout = 30,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", full);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return full;
    }
}
