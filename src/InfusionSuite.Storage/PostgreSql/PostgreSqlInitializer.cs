using InfusionSuite.Application.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// Brings the PostgreSQL database to the current schema once, at host start or for a command: creates the
/// database when it is missing (and the user may), applies the migrations of
/// <see cref="PostgreSqlConnections.MigrationsAssembly"/> (EF Core takes its own lock, so workers starting
/// together migrate once). A refusal is a <see cref="StorageUnavailableException"/> whose one line names the server and database.
/// A new database migrates without a logged failure: EF Core reads its history table before it creates it and logs the
/// refused read as <c>fail:</c> (and a missing database as a connection error), so both are made first, the table
/// with EF Core's own script under an advisory lock (workers starting together).
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
            await MigrateAsync(context, connections.DataSource, cancellationToken);
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

    /// <summary>The advisory lock (any number of the database's own) under which the history table is made.</summary>
    private const long HistoryLock = 0x18_0001;

    /// <summary>Brings the database of <paramref name="dataSource"/> (that of <paramref name="context"/>) to the current schema, new or not.</summary>
    public static async Task MigrateAsync(InfusionSuiteDbContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await context.GetService<IRelationalDatabaseCreator>().CreateAsync(cancellationToken); // through the server's maintenance database
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
        }

        await using (connection)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@lock)", connection, transaction))
            {
                take.Parameters.AddWithValue("lock", HistoryLock);
                await take.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var create = new NpgsqlCommand(context.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await context.Database.MigrateAsync(cancellationToken);
    }
}
