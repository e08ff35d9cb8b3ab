using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Hl7.Configuration;
using InfusionSuite.Hl7.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Hl7.Outbox;

/// <summary>
/// Returns a session's HL7 v2 messages as outbox items when it ends, is voided, or changes after it
/// was reported; the store writes them in the batch transaction that stores that change, so they
/// are committed with it or not at all. For the session: one ORU^R01 (OBX-11 <c>F</c> the first time,
/// <c>C</c> on a correction, <c>W</c> on a void) and a DFT^P03 per charge or credit, credits first
/// (<see cref="ChargePostings"/> from <c>SessionBillingQuery</c>'s decisions and what was charged before).
/// A change can move a charge between sessions of the patient (one 0663T per date, 0662T once per
/// course), so the other ended sessions of the patient that were reported over HL7 get their credits
/// and charges too. Off unless <c>Hl7:Enabled</c>. A failure to make the messages does not stop clinical
/// recording: a parked item names it for staff.
/// </summary>
internal sealed class Hl7OutboxParticipant(
    IOptions<Hl7Options> options,
    SessionMessages messages,
    Hl7SessionContextReader contexts,
    TimeProvider time,
    ILogger<Hl7OutboxParticipant> logger) : ISessionEndParticipant
{
    public async ValueTask<IReadOnlyList<OutboxItem>> OnSessionEndedAsync(ScalpCoolingSessionRecord record, ISessionEndReads reads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(reads);
        if (!options.Value.Enabled)
        {
            return [];
        }

        var sessionId = record.Plan.SessionId;
        var earlier = await reads.OutboxItemsAsync(sessionId, Hl7OutboxItems.ContentType, cancellationToken);
        if (record.Status == SessionStatus.Voided && earlier.Count == 0)
        {
            Hl7OutboxLog.VoidBeforeEnd(logger, sessionId);
            return [];
        }

        var now = time.GetUtcNow();
        var kind = record.Status == SessionStatus.Voided ? OutboxItemKind.Void
            : earlier.Count > 0 ? OutboxItemKind.Correction
            : OutboxItemKind.Session;
        var items = new List<OutboxItem>();
        try
        {
            var context = await contexts.ReadAsync(reads, record, earlier, cancellationToken);
            items.AddRange(messages.For(record, context).Select(m => Hl7OutboxItems.Create(sessionId, kind, m, now)));
        }
        catch (Exception e) when (e is not (OperationCanceledException or System.Data.Common.DbException))
        {
            var parked = Hl7OutboxItems.CouldNotMake(sessionId, kind, e, now);
            Hl7OutboxLog.MappingFailed(logger, sessionId, e.GetType().Name, parked.Id);
            return [parked];
        }

        Hl7OutboxLog.Enqueued(logger, items.Count, kind.ToString(), sessionId);
        items.AddRange(await OtherSessionsAsync(record, reads, now, cancellationToken));
        return items;
    }

    /// <summary>Late documentation after the end: the corrected ORU^R01 (OBX-11 <c>C</c>), and any charge it moved; nothing when nothing was reported yet.</summary>
    public async ValueTask<IReadOnlyList<OutboxItem>> OnSessionChangedAfterEndAsync(ScalpCoolingSessionRecord record, ISessionEndReads reads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(reads);
        return options.Value.Enabled && (await reads.OutboxItemsAsync(record.Plan.SessionId, Hl7OutboxItems.ContentType, cancellationToken)).Count > 0
            ? await OnSessionEndedAsync(record, reads, cancellationToken)
            : [];
    }

    /// <summary>Credits and charges of the patient's other ended sessions whose billing this change moved.</summary>
    private async Task<IReadOnlyList<OutboxItem>> OtherSessionsAsync(ScalpCoolingSessionRecord record, ISessionEndReads reads, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = new List<OutboxItem>();
        foreach (var course in await reads.OfPatientAsync(record.Plan.PatientReference, cancellationToken))
        {
            foreach (var stored in course.Sessions.Where(s => !string.Equals(s.SessionId, record.Plan.SessionId, StringComparison.Ordinal)))
            {
                var earlier = await reads.OutboxItemsAsync(stored.SessionId, Hl7OutboxItems.ContentType, cancellationToken);
                if (earlier.Count == 0)
                {
                    continue; // never reported over HL7 (not ended yet, or before HL7 was on): nothing to correct
                }

                try
                {
                    var other = ScalpCoolingSession.Replay(stored.Policy, stored.Log);
                    if (other.Status is not (SessionStatus.Completed or SessionStatus.Aborted or SessionStatus.Voided))
                    {
                        continue;
                    }

                    var context = await contexts.ReadAsync(reads, other, earlier, cancellationToken);
                    var postings = ChargePostings.For(other, context);
                    items.AddRange(postings.Select(p => Hl7OutboxItems.Create(stored.SessionId, OutboxItemKind.Correction, messages.Charge(other, context, p), now)));
                    if (postings.Count > 0)
                    {
                        Hl7OutboxLog.Enqueued(logger, postings.Count, nameof(OutboxItemKind.Correction), stored.SessionId);
                    }
                }
                catch (Exception e) when (e is not (OperationCanceledException or System.Data.Common.DbException))
                {
                    var parked = Hl7OutboxItems.CouldNotMake(stored.SessionId, OutboxItemKind.Correction, e, now);
                    Hl7OutboxLog.MappingFailed(logger, stored.SessionId, e.GetType().Name, parked.Id);
                    items.Add(parked);
                }
            }
        }

        return items;
    }
}
