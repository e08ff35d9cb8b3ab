using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// Whether a nurse action is the same entry as one accepted before: the same action with the same content, by the same
/// nurse, with the same effective time (or none on both), whenever it was entered. A client that resends after a lost
/// answer gets "already received" (docs/nurse-station.md: the identical entry again is a duplicate), also after the end
/// or a void, where a different entry is refused.
/// </summary>
internal static class SameNurseEntry
{
    public static bool Same(NurseAction accepted, NurseAction resent)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(resent);
        return (accepted, resent) switch
        {
            (GiveBillingDetails a, GiveBillingDetails b) => a.NurseId == b.NurseId && a.Visit == b.Visit
                && a.Details.ToString() == b.Details.ToString(),
            _ => accepted.GetType() == resent.GetType()
                && (accepted with { ReceivedAt = default }).Equals(resent with { ReceivedAt = default }),
        };
    }
}
