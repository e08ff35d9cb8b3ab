using System.Data.Common;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ports;

/// <summary>
/// Writes something that must be stored atomically with a session reaching its end status
/// (completed, aborted or voided — also voided after it had completed or been stopped) — the FHIR
/// outbox entry is the first such thing. Called by the
/// store inside the batch transaction, after the session's inputs and status are written and
/// before the commit; throwing rolls the whole batch back (and nothing is acknowledged).
/// </summary>
public interface ISessionEndParticipant
{
    ValueTask OnSessionEndedAsync(ScalpCoolingSessionRecord record, DbTransaction transaction, CancellationToken cancellationToken);
}
