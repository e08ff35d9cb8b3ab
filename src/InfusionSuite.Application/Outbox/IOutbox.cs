namespace InfusionSuite.Application.Outbox;

/// <summary>
/// The transactional outbox of opaque payloads for other systems (today FHIR Bundles for the EHR).
/// Storage implements it and writes the items that <see cref="Ports.ISessionEndParticipant"/>s return in
/// the same database transaction that records the session's end; a dispatcher only moves items along.
/// Every method is one durable write (or read): the queue and its retry schedule survive a restart.
/// Implementations know nothing of what a payload holds and must not log it (it holds patient data).
/// </summary>
public interface IOutbox
{
    /// <summary>Adds an item outside a session's end (staff tools, tests).</summary>
    Task EnqueueAsync(OutboxItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Pending items of <paramref name="contentType"/> whose <see cref="OutboxItem.NextAttemptAt"/> is at
    /// or before <paramref name="now"/>, oldest due first, at most <paramref name="maxItems"/>.
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> TakeDueAsync(string contentType, DateTimeOffset now, int maxItems, CancellationToken cancellationToken);

    /// <summary>Appends an attempt to the item's history.</summary>
    Task RecordAttemptAsync(Guid itemId, OutboxAttempt attempt, CancellationToken cancellationToken);

    /// <summary>Keeps the validation made before sending.</summary>
    Task RecordValidationAsync(Guid itemId, PayloadValidationReport report, CancellationToken cancellationToken);

    /// <summary>The receiver accepted it: status Sent, never attempted again.</summary>
    Task MarkSentAsync(Guid itemId, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>A transient failure: stays Pending, not attempted before <paramref name="nextAttemptAt"/>; what it waited for is cleared.</summary>
    Task ScheduleRetryAsync(Guid itemId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>
    /// Not attempted yet because it waits for something else (an earlier item of its session): stays Pending, looked at
    /// again at <paramref name="nextAttemptAt"/>, and says what it waits for (<see cref="OutboxItem.WaitingFor"/>) until then.
    /// </summary>
    Task WaitAsync(Guid itemId, DateTimeOffset nextAttemptAt, string waitingFor, CancellationToken cancellationToken);

    /// <summary>Refused or invalid: status Parked with the reason, until staff requeue it.</summary>
    Task ParkAsync(Guid itemId, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Staff retry a parked item by hand: Pending again, due at <paramref name="nextAttemptAt"/>, reason
    /// and validation cleared. False when the item is not parked, or has no payload (it could not be
    /// made: sending it again would not help).
    /// </summary>
    Task<bool> RequeueAsync(Guid itemId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Items for staff (status, attempts, messages), newest first.</summary>
    Task<IReadOnlyList<OutboxItem>> ListAsync(OutboxQuery query, CancellationToken cancellationToken);
}
