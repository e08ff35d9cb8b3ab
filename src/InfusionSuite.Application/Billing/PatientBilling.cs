using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Billing;

/// <summary>
/// One decision over all of a patient's sessions (every date of service, every course): a list of
/// per-charge decisions that the session page, the FHIR output and the HL7 output all read.
/// </summary>
/// <param name="Sessions">Every session of the patient as decided (the caller's version of the one it passed).</param>
/// <param name="Decisions">Every charge decision, per session: per-session code, time code, fitting.</param>
/// <param name="Warnings">The warnings of each course, by course id.</param>
public sealed record PatientBilling(
    IReadOnlyList<ScalpCoolingSessionRecord> Sessions,
    IReadOnlyList<CodeDecision> Decisions,
    IReadOnlyDictionary<string, IReadOnlyList<BillingWarning>> Warnings)
{
    /// <summary>The decisions of one session, per-session code first.</summary>
    public IReadOnlyList<CodeDecision> Of(string sessionId) =>
        [.. Decisions.Where(d => string.Equals(d.SessionId, sessionId, StringComparison.Ordinal))];

    /// <summary>The session as decided, or null.</summary>
    public ScalpCoolingSessionRecord? Session(string sessionId) =>
        Sessions.FirstOrDefault(s => string.Equals(s.Plan.SessionId, sessionId, StringComparison.Ordinal));
}
