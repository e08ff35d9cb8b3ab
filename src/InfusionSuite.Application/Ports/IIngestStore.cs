namespace InfusionSuite.Application.Ports;

/// <summary>
/// The storage boundary of the single ordered writer. One implementation per database (SQLite
/// now; PostgreSQL later) without touching the domain or the ingest code. Only the writer calls
/// it, from one task at a time.
/// </summary>
public interface IIngestStore
{
    /// <summary>
    /// Prepares the store (schema migrated) and returns where the ingest order goes on and the
    /// sessions to rebuild: every open session, and those that ended at or after <paramref name="endedSince"/>.
    /// </summary>
    Task<IngestRecovery> OpenAsync(DateTimeOffset endedSince, CancellationToken cancellationToken);

    /// <summary>Writes the whole batch in one transaction, or nothing (throws).</summary>
    Task CommitAsync(IngestBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// The writer stopped (its last batch stored or given up): gives up at once what it holds, so that another process may
    /// write (PostgreSQL: its sites' leases run out now, for a standby). Nothing is written after it.
    /// </summary>
    Task CloseAsync(CancellationToken cancellationToken);

    /// <summary>Loads one session's policy and log (for an action on a session no longer in memory); null when unknown.</summary>
    Task<StoredSession?> LoadSessionAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// The controller's samples and events that no session took, received at or after <paramref name="receivedSince"/>,
    /// in ingest order (for a session started late: docs/clinical-rules.md, "Late documentation and ends").
    /// </summary>
    Task<IReadOnlyList<UnassignedMessage>> LoadUnassignedAsync(string controllerId, DateTimeOffset receivedSince, CancellationToken cancellationToken);

    /// <summary>Deletes samples and events that no session took, older than <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> PurgeUnassignedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
