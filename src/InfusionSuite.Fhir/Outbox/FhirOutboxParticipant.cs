using InfusionSuite.Application.Billing;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Fhir.Outbox;

/// <summary>
/// Returns the session's FHIR Bundle as an outbox item when it ends (completed, stopped, or voided
/// after it ended); the store writes it in the batch transaction that stores the end, so an ended
/// session and its outbox item are committed together or not at all. Billing is decided once over
/// the patient (<see cref="SessionBillingQuery.ForPatientAsync"/>): every other ended session of the
/// patient whose charges no longer match what was sent for it gets a correction item (its ChargeItems
/// as conditional updates) in the same transaction. A storage failure throws (the
/// batch rolls back and is retried). A failure to make the Bundle (a mapping bug) must not stop
/// clinical recording: the end is stored and a parked item with no Bundle names the failure for staff.
/// </summary>
internal sealed class FhirOutboxParticipant(
    FhirOutboxItems items,
    SessionFhirContextReader contexts,
    SessionBillingQuery billing,
    TimeProvider time,
    ILogger<FhirOutboxParticipant> logger) : ISessionEndParticipant
{
    public async ValueTask<IReadOnlyList<OutboxItem>> OnSessionEndedAsync(ScalpCoolingSessionRecord record, ISessionEndReads reads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(reads);
        var sessionId = record.Plan.SessionId;
        var now = time.GetUtcNow();
        var written = new List<OutboxItem>();
        try
        {
            var patient = await billing.ForPatientAsync(record, reads, cancellationToken);
            if (record.Status == SessionStatus.Voided && !(await reads.OutboxItemsAsync(sessionId, FhirOutboxItems.ContentType, cancellationToken)).Any(i => i.Kind == OutboxItemKind.Session))
            {
                OutboxLog.VoidBeforeEnd(logger, sessionId);
            }
            else
            {
                written.Add(items.Create(record, await contexts.ReadAsync(reads, record, patient.Of(sessionId), cancellationToken), now));
            }

            written.AddRange(await CorrectionsAsync(patient, sessionId, reads, now, cancellationToken));
        }
        catch (Exception e) when (e is not (OperationCanceledException or System.Data.Common.DbException))
        {
            written = [CouldNotMap(record, e, now)];
            OutboxLog.MappingFailed(logger, sessionId, e.GetType().Name, written[0].Id);
        }

        foreach (var item in written)
        {
            OutboxLog.Enqueued(logger, item.Id, item.Kind.ToString(), item.SessionId);
        }

        return written;
    }

    /// <summary>
    /// Documentation added after the end of a session already reported: its Bundle again as a correction
    /// (updates of the Procedures, Observations and ChargeItems sent), with any charge of another session it moved.
    /// </summary>
    public async ValueTask<IReadOnlyList<OutboxItem>> OnSessionChangedAfterEndAsync(ScalpCoolingSessionRecord record, ISessionEndReads reads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(reads);
        var sessionId = record.Plan.SessionId;
        var sent = await reads.OutboxItemsAsync(sessionId, FhirOutboxItems.ContentType, cancellationToken);
        if (!sent.Any(i => i.Kind == OutboxItemKind.Session))
        {
            return [];
        }

        var now = time.GetUtcNow();
        List<OutboxItem> written;
        try
        {
            var patient = await billing.ForPatientAsync(record, reads, cancellationToken);
            var own = items.Create(record, await contexts.ReadAsync(reads, record, patient.Of(sessionId), cancellationToken), now, correction: true);
            var latest = sent.LastOrDefault(i => i.Kind is OutboxItemKind.Session or OutboxItemKind.Correction && i.Payload.Length > 0);
            written = FhirOutboxItems.SameResources(own.Payload, latest?.Payload) ? [] : [own];
            written.AddRange(await CorrectionsAsync(patient, sessionId, reads, now, cancellationToken));
        }
        catch (Exception e) when (e is not (OperationCanceledException or System.Data.Common.DbException))
        {
            written = [CouldNotMap(record, e, now) with { Kind = OutboxItemKind.Correction }];
            OutboxLog.MappingFailed(logger, sessionId, e.GetType().Name, written[0].Id);
        }

        foreach (var item in written)
        {
            OutboxLog.Enqueued(logger, item.Id, item.Kind.ToString(), item.SessionId);
        }

        return written;
    }

    /// <summary>A correction for each other ended session of the patient whose charges changed since they were sent.</summary>
    private async Task<List<OutboxItem>> CorrectionsAsync(PatientBilling patient, string endedSessionId, ISessionEndReads reads, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var corrections = new List<OutboxItem>();
        foreach (var other in patient.Sessions)
        {
            var otherId = other.Plan.SessionId;
            if (string.Equals(otherId, endedSessionId, StringComparison.Ordinal) || other.Status is not (SessionStatus.Completed or SessionStatus.Aborted))
            {
                continue; // the ended session's own item carries its charges; a voided one's void withdrew them; a running one sent nothing
            }

            var decisions = patient.Of(otherId);
            var sent = SentCharges.From((await reads.OutboxItemsAsync(otherId, FhirOutboxItems.ContentType, cancellationToken))
                .Select(i => i.Payload).Where(p => p.Length > 0));
            if (sent.IsEmpty || !sent.Differs(decisions))
            {
                continue;
            }

            var context = await contexts.ReadAsync(reads, other, decisions, cancellationToken);
            if (context.Charges.Count > 0)
            {
                corrections.Add(items.CreateChargeCorrection(other, context, now));
            }
        }

        return corrections;
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
        Reason = $"The FHIR Bundle could not be made ({e.GetType().Name}: {e.Message}). The session is recorded; report this to support.",
    };
}
