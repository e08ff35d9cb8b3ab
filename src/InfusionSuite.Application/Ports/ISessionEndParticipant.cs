using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ports;

/// <summary>
/// Says what must be stored atomically with a session reaching its end status (completed, aborted or
/// voided — also voided after it had completed or been stopped): outbox items (the FHIR Bundle is the
/// first such thing). Called by the store inside the batch transaction, after the session's inputs and
/// status are written and before the commit; the store writes the returned items in that same
/// transaction. The reads given to it see that transaction's writes. Throwing rolls the whole
/// batch back (and nothing is acknowledged).
/// </summary>
public interface ISessionEndParticipant
{
    ValueTask<IReadOnlyList<OutboxItem>> OnSessionEndedAsync(ScalpCoolingSessionRecord record, ISessionEndReads reads, CancellationToken cancellationToken);

    /// <summary>
    /// A session that had ended changed in what is reported (a controller's late CAP_OFF after an abort,
    /// tolerance or an adverse event documented after the cap came off): what the change adds, in the
    /// same transaction as the change. Nothing by default.
    /// </summary>
    ValueTask<IReadOnlyList<OutboxItem>> OnSessionChangedAfterEndAsync(ScalpCoolingSessionRecord record, ISessionEndReads reads, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<OutboxItem>>([]);
}
