using InfusionSuite.Application.Ports;
using Microsoft.EntityFrameworkCore;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// Brings the PostgreSQL database to the current schema once, at host start or for a command: creates the
/// database when it is missing (and the user may), applies the migrations of
/// <see cref="PostgreSqlConnections.MigrationsAssembly"/> (EF Core takes its own lock, so workers starting
/// together migrate once). A refusal is a <see cref="StorageUnavailableException"/> whose one line names the server and database.
/// </summary>
internal sealed class PostgreSqlInitializer(
    IDbContextFactory<InfusionSuiteDbContext> contexts,
    PostgreSqlConnections connections) : IDatabaseMigrator
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _done;

    public async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        await _once.WaitAsync(cancellationToken);
        try
        {
            if (_done)
            {
                return;
            }

            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            await context.Database.MigrateAsync(cancellationToken);
            _done = true;
        }
        catch (Exception e) when (PostgreSqlProblems.Describe(e, connections.Name) is { } line)
        {
            throw new StorageUnavailableException(line, e);
        }
        finally
        {
            _once.Release();
        }
    }
}
