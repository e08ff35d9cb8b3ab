using InfusionSuite.Application.Hosting;
using InfusionSuite.Application.Ports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>
/// Opens the database once, at host start (before the writer opens the store) or for a command:
/// refuses a corrupt file (<c>PRAGMA quick_check</c>) and a read-only file or folder, clears a stale
/// EF Core migration lock (one left by a process killed mid-migration, known stale because that
/// process no longer holds the <see cref="MigrationGate"/>), applies the migrations and leaves the
/// database in WAL mode. Every refusal is a <see cref="StorageUnavailableException"/> whose message
/// is one line naming the file; waiting for another process is bounded.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IDbContextFactory<InfusionSuiteDbContext> contexts,
    SqliteConnections connections,
    IoTime io,
    ILogger<DatabaseInitializer> logger) : IDatabaseMigrator
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _done;

    /// <summary>How long a start waits for another process that is migrating the same database (real time, whatever the host's clock).</summary>
    public TimeSpan GateWaitLimit { get; init; } = TimeSpan.FromSeconds(30);

    public async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        await _once.WaitAsync(cancellationToken);
        try
        {
            if (!_done)
            {
                await InitializeAsync(connections.DatabasePath, cancellationToken);
                _done = true;
            }
        }
        finally
        {
            _once.Release();
        }
    }

    private async Task InitializeAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            using var gate = await MigrationGate.TakeAsync(path, GateWaitLimit, io.Real, cancellationToken);
            await CheckAsync(path, cancellationToken);
            await using (var context = await contexts.CreateDbContextAsync(cancellationToken))
            {
                await context.Database.MigrateAsync(cancellationToken);
            }

            await using var connection = await connections.OpenFileAsync(cancellationToken);
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception e) when (StorageProblems.Describe(e, path) is { } line)
        {
            throw new StorageUnavailableException(line, e);
        }
    }

    /// <summary>Before migrating: the file is whole, writable, and no stale migration lock is left in it.</summary>
    private async Task CheckAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return;
        }

        await using var connection = await connections.OpenFileAsync(cancellationToken);
        if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
        {
            throw new StorageUnavailableException(StorageProblems.ReadOnly(path));
        }

        await using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA quick_check;";
            var verdict = (string?)await check.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(verdict, "ok", StringComparison.Ordinal))
            {
                throw new StorageUnavailableException(StorageProblems.Corrupt(path, verdict ?? "no answer"));
            }
        }

        await using var clear = connection.CreateCommand();
        clear.CommandText = """
            SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock';
            """;
        if ((long)(await clear.ExecuteScalarAsync(cancellationToken))! == 0)
        {
            return;
        }

        clear.CommandText = """DELETE FROM "__EFMigrationsLock";""";
        if (await clear.ExecuteNonQueryAsync(cancellationToken) > 0)
        {
            LogStaleLockCleared(logger, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleared a stale EF Core migration lock in {Path}: a process was stopped while migrating it; no other process holds the database")]
    private static partial void LogStaleLockCleared(ILogger logger, string path);
}
