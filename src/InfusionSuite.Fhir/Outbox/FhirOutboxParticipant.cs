using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Fhir.Outbox;

/// <summary>
/// Returns the session's FHIR Bundle as an outbox item when it ends (completed, stopped, or voided
/// after it ended); the store writes it in the batch transaction that stores the end, so an ended
/// session and its outbox item are committed together or not at all. A storage failure throws (the
/// batch rolls back and is retried). A failure to make the Bundle (a mapping bug) must not stop
/// clinical recording: the end is stored and a parked item with no Bundle names the failure for staff.
/// </summary>
internal sealed class FhirOutboxParticipant(
    FhirOutboxItems items,
    SessionFhirContextReader contexts,
    TimeProvider time,
    ILogger<FhirOutboxParticipant> logger) : ISessionEndParticipant
{
    public async ValueTask<IReadOnlyList<OutboxItem>> OnSessionEndedAsync(ScalpCoolingSessionRecord record, ISessionEndReads reads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(reads);
        var sessionId = record.Plan.SessionId;
        if (record.Status == SessionStatus.Voided && !await reads.HasOutboxItemAsync(sessionId, OutboxItemKind.Session, cancellationToken))
        {
            OutboxLog.VoidBeforeEnd(logger, sessionId);
            return [];
        }

        var now = time.GetUtcNow();
        OutboxItem item;
        try
        {
            item = items.Create(record, await contexts.ReadAsync(reads, record, cancellationToken), now);
        }
        catch (Exception e) when (e is not (OperationCanceledException or System.Data.Common.DbException))
        {
            item = CouldNotMap(record, e, now);
            OutboxLog.MappingFailed(logger, sessionId, e.GetType().Name, item.Id);
        }

        OutboxLog.Enqueued(logger, item.Id, item.Kind.ToString(), sessionId);
        return [item];
    }

    private static OutboxItem CouldNotMap(ScalpCoolingSessionRecord record, Exception e, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SessionId = record.Plan.SessionId,
        Kind = record.Status == SessionStatus.Voided ? OutboxItemKind.Void : OutboxItemKind.Session,
        ContentType = FhirOutboxItems.ContentType,
        Payload = string.Empty,
        EnqueuedAt = now,
        NextAttemptAt = now,
        Status = OutboxStatus.Parked,
        ParkedReason = $"The FHIR Bundle could not be made ({e.GetType().Name}: {e.Message}). The session is recorded; report this to support.",
    };
}
