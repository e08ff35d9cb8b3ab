using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Nursing;

/// <summary>
/// The answer to a nurse action: the outcome, the domain's refusal reason (<see cref="RefusalReason.None"/>
/// unless refused), words for staff without patient data, and the session's record after the action.
/// <see cref="Field"/> names the request's field when an invalid request is about one.
/// </summary>
public sealed record NurseActionResult(
    NurseActionOutcome Outcome,
    RefusalReason Reason,
    string Message,
    string? SessionId,
    ScalpCoolingSessionRecord? Record,
    string? Field = null)
{
    public bool IsAccepted => Outcome == NurseActionOutcome.Accepted;

    internal static NurseActionResult Accepted(string sessionId, ScalpCoolingSessionRecord record) =>
        new(NurseActionOutcome.Accepted, RefusalReason.None, "Recorded.", sessionId, record);

    internal static NurseActionResult From(InputOutcome outcome, string sessionId, ScalpCoolingSessionRecord? record) =>
        outcome.Disposition == InputDisposition.Duplicate
            ? new(NurseActionOutcome.Duplicate, RefusalReason.None, outcome.Text, sessionId, record)
            : new(NurseActionOutcome.Refused, outcome.Reason, outcome.Text, sessionId, record);

    internal static NurseActionResult NotFound(string sessionId) =>
        new(NurseActionOutcome.SessionNotFound, RefusalReason.None, "No session has this id.", sessionId, null);

    internal static NurseActionResult Invalid(string message) =>
        new(NurseActionOutcome.InvalidRequest, RefusalReason.None, message, null, null);

    internal static NurseActionResult Invalid(FieldError error) =>
        new(NurseActionOutcome.InvalidRequest, RefusalReason.None, error.Message, null, null, error.Field);
}
