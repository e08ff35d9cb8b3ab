using InfusionSuite.Application.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>
/// Applies the EF Core migrations once, at host start (before the writer opens the store), and
/// leaves the database in WAL mode.
/// </summary>
internal sealed class DatabaseInitializer(IDbContextFactory<InfusionSuiteDbContext> contexts, SqliteConnections connections) : IHostedService, IDatabaseMigrator
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _done;

    public Task StartAsync(CancellationToken cancellationToken) => EnsureMigratedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        await _once.WaitAsync(cancellationToken);
        try
        {
            if (_done)
            {
                return;
            }

            if (Path.GetDirectoryName(connections.DatabasePath) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await using (var context = await contexts.CreateDbContextAsync(cancellationToken))
            {
                await context.Database.MigrateAsync(cancellationToken);
            }

            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteScalarAsync(cancellationToken);
            _done = true;
        }
        finally
        {
            _once.Release();
        }
    }
}
