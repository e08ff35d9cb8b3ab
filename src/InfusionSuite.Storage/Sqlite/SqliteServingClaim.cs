using InfusionSuite.Application.Hosting;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>A serving host's claim on its SQLite database (<see cref="DatabaseInUseLock"/>), held until the host is disposed; nothing on PostgreSQL, which many nodes share.</summary>
internal sealed class SqliteServingClaim(IOptions<StorageOptions> options, SqliteConnections connections) : IExclusiveClaim, IDisposable
{
    private DatabaseInUseLock? _held;

    public Task ClaimAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider == StorageProvider.Sqlite && _held is null)
        {
            _held = DatabaseInUseLock.Take(connections.DatabasePath);
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _held?.Dispose();
}
