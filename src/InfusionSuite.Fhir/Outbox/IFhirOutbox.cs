using InfusionSuite.Fhir.Validation;

namespace InfusionSuite.Fhir.Outbox;

/// <summary>
/// The transactional outbox of Bundles for the EHR. Storage implements it in SQLite and enqueues
/// in the same database transaction that records the session's end; the dispatcher only moves
/// items along. Every method is one durable write (or read): the queue and its retry schedule
/// survive a restart. Implementations must not log Bundle contents (they hold patient data).
/// </summary>
public interface IFhirOutbox
{
    /// <summary>
    /// Pending items whose <see cref="FhirOutboxItem.NextAttemptAt"/> is at or before
    /// <paramref name="now"/>, oldest due first, at most <paramref name="maxItems"/>.
    /// </summary>
    Task<IReadOnlyList<FhirOutboxItem>> TakeDueAsync(DateTimeOffset now, int maxItems, CancellationToken cancellationToken);

    /// <summary>Appends an attempt to the item's history.</summary>
    Task RecordAttemptAsync(Guid itemId, FhirDeliveryAttempt attempt, CancellationToken cancellationToken);

    /// <summary>Keeps the validation made before sending.</summary>
    Task RecordValidationAsync(Guid itemId, FhirValidationReport report, CancellationToken cancellationToken);

    /// <summary>The EHR accepted it: status Sent, never attempted again.</summary>
    Task MarkSentAsync(Guid itemId, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>A transient failure: stays Pending, not attempted before <paramref name="nextAttemptAt"/>.</summary>
    Task ScheduleRetryAsync(Guid itemId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Refused or invalid: status Parked with the reason, until staff requeue it.</summary>
    Task ParkAsync(Guid itemId, string reason, CancellationToken cancellationToken);

    /// <summary>Staff retry a parked item by hand: Pending again, due at <paramref name="nextAttemptAt"/>, reason and validation cleared. False when the item is not parked.</summary>
    Task<bool> RequeueAsync(Guid itemId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Items for staff (status, attempts, messages), newest first.</summary>
    Task<IReadOnlyList<FhirOutboxItem>> ListAsync(FhirOutboxQuery query, CancellationToken cancellationToken);
}
