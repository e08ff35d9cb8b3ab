using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace InfusionSuite.Storage;

/// <summary>
/// The configured database, whichever engine <c>Storage:Provider</c> names: opens connections, configures
/// EF Core, and makes the writer's batch commands. Everything above it (the ingest store, the readers,
/// the outbox) is written once against <see cref="DbConnection"/> with <c>@name</c> parameters.
/// </summary>
internal abstract class DatabaseConnections
{
    /// <summary>The database in words for an operator (a file, or a server and database); never a password.</summary>
    public abstract string Name { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    public abstract void ConfigureContext(DbContextOptionsBuilder options);

    /// <summary>The writer's prepared (SQLite) or batched (PostgreSQL) commands on its long-lived connection.</summary>
    public abstract IWriteCommands CreateWriteCommands(DbConnection connection);

    /// <summary>
    /// The writer's long-lived connection, made the only writer of the database; throws a
    /// <see cref="Application.Ports.StorageUnavailableException"/> naming the database when another process writes it.
    /// SQLite: a connection like any other (one file, one service; the migration gate and SQLite's own locks).
    /// </summary>
    public virtual Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>A read-only transaction that sees one consistent state and does not hold up the writer.</summary>
    public virtual async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
}
