using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Nursing;

/// <summary>
/// The owning worker's answer to a relayed <see cref="NurseRequest"/>, given after its commit: a <see cref="NurseActionResult"/>
/// without the record, which the asking node reads back from the database.
/// </summary>
public sealed record RelayedNurseAnswer(NurseActionOutcome Outcome, RefusalReason Reason, string Message, string? SessionId, string? Field)
{
    public static RelayedNurseAnswer From(NurseActionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Outcome, result.Reason, result.Message, result.SessionId, result.Field);
    }
}
