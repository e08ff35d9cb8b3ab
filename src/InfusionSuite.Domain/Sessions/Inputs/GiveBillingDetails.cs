using InfusionSuite.Domain.Billing;

namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>
/// Staff give what billing needs after the start, also after the end: the visit (encounter or account) a
/// held charge waits for, the ordering provider, the diagnoses, the payer. What is given replaces what
/// the session had; what is left out stays. Billing is decided again and corrections are sent.
/// </summary>
/// <param name="Visit"><c>Encounter/{EHR id}</c> or a visit/account number; null leaves the visit as it is.</param>
public sealed record GiveBillingDetails(DateTimeOffset ReceivedAt, string NurseId, string? Visit, BillingDetails Details)
    : NurseAction(ReceivedAt, NurseId, null)
{
    public override NurseActionKind Kind => NurseActionKind.BillingDetails;

    /// <summary>The plan with what this gives.</summary>
    public SessionPlan ApplyTo(SessionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan with
        {
            EncounterReference = string.IsNullOrWhiteSpace(Visit) ? plan.EncounterReference : Visit.Trim(),
            Billing = (plan.Billing ?? BillingDetails.None).With(Details),
        };
    }
}
