using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// Whether a nurse action is the same entry as one accepted before: the same action with the same content, by the same
/// nurse, with the same effective time (or none on both), whenever it was entered. A client that resends after a lost
/// answer gets "already received" (docs/nurse-station.md: the identical entry again is a duplicate), also after the end
/// or a void, where a different entry is refused. An observation a nurse may make again (a tolerance score, an adverse
/// event) given with no effective time is the same entry only within the same-moment window of the first: the same
/// "shivering, mild" twenty minutes later is a second event, never swallowed as a resend.
/// </summary>
internal static class SameNurseEntry
{
    public static bool Same(NurseAction accepted, NurseAction resent, TimeSpan sameMomentWindow)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(resent);
        return (accepted, resent) switch
        {
            (GiveBillingDetails a, GiveBillingDetails b) => a.NurseId == b.NurseId && a.Visit == b.Visit
                && a.Details.ToString() == b.Details.ToString(),
            _ => accepted.GetType() == resent.GetType()
                && (accepted with { ReceivedAt = default }).Equals(resent with { ReceivedAt = default })
                && (accepted.EffectiveAt is not null || !Repeatable(accepted) || (resent.ReceivedAt - accepted.ReceivedAt).Duration() <= sameMomentWindow),
        };
    }

    /// <summary>Observations a nurse may record again with the same content: each is its own entry unless it is a resend.</summary>
    private static bool Repeatable(NurseAction action) => action is RecordTolerance or RecordAdverseEvent;
}
