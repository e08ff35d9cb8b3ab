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
    /// The writer's long-lived connection, once this process may write (PostgreSQL: it holds its sites' leases).
    /// SQLite: a connection like any other (one file, one service; the migration gate and SQLite's own locks).
    /// </summary>
    public virtual Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>
    /// First thing in each batch transaction of the writer: throws a <see cref="Application.Ports.StorageUnavailableException"/>
    /// when this process may no longer write (PostgreSQL: another worker took one of its sites over). SQLite: nothing to check.
    /// </summary>
    public virtual Task CheckWriterAsync(DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After the writer's last batch at a graceful stop (PostgreSQL: its leases run out at once for a standby).</summary>
    public virtual Task ReleaseWriterAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Where the writer's ingest order continues after <paramref name="lastStored"/>, the highest stored. SQLite: right
    /// after it (one writer). PostgreSQL: at a block of its own, above every number stored or handed to another worker.
    /// </summary>
    public virtual Task<long> ContinueIngestOrderAsync(DbConnection connection, long lastStored, CancellationToken cancellationToken) =>
        Task.FromResult(lastStored);

    /// <summary>
    /// The sites whose sessions this process's writer holds in memory: PostgreSQL, the sites of its leases (it rebuilds
    /// them when it takes the leases; another worker's sessions its board reads back from the database). Null for every
    /// session: a single suite, or a worker owning the whole database. A chair no site has claimed yet is every writer's.
    /// </summary>
    public virtual IReadOnlyList<string>? OwnedSites => null;

    /// <summary>
    /// In the batch transaction, before its commit: tells other nodes which sessions it changed and answers the nurse actions
    /// they sent (nothing on a single suite).
    /// </summary>
    public virtual Task AnnounceChangesAsync(DbTransaction transaction, Application.Ports.IngestBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether this process dispatches the outbox now (PostgreSQL: one worker that owns its sites, never a standby).</summary>
    public virtual Task<bool> MayDispatchAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>A read-only transaction that sees one consistent state and does not hold up the writer.</summary>
    public virtual async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
}
