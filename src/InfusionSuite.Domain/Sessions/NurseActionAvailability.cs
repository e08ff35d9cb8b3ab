using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// Which nurse actions are possible now: each kind that <see cref="NurseActionRules"/> would accept if
/// entered at the session's latest instant, in the order a session takes them. The board and the session
/// page show this list; they keep no rules of their own.
/// </summary>
public static class NurseActionAvailability
{
    private const string Probe = "availability";

    /// <summary>Every kind, in the order a session takes them: the steps first, then what is documented.</summary>
    public static IReadOnlyList<NurseActionKind> Order { get; } =
    [
        NurseActionKind.CapPlaced,
        NurseActionKind.InfusionStarted,
        NurseActionKind.InfusionEnded,
        NurseActionKind.CapRemoved,
        NurseActionKind.Abort,
        NurseActionKind.Tolerance,
        NurseActionKind.AdverseEvent,
        NurseActionKind.Void,
    ];

    /// <summary>
    /// A step moves the session through its phases (or stops it); the others document it (tolerance,
    /// adverse events, voiding the record). The board offers the steps; the session page offers both.
    /// </summary>
    public static bool IsStep(NurseActionKind kind) => kind is NurseActionKind.CapPlaced or NurseActionKind.InfusionStarted
        or NurseActionKind.InfusionEnded or NurseActionKind.CapRemoved or NurseActionKind.Abort;

    internal static IReadOnlyList<NurseActionKind> Possible(SessionState s)
    {
        if (s.Plan is null)
        {
            return [];
        }

        var now = IntervalMath.Max(s.AsOf, s.StartedAt);
        var possible = new List<NurseActionKind>(Order.Count);
        foreach (var kind in Order)
        {
            if (Offered(s, kind) && NurseActionRules.Check(s, At(kind, now)) == RefusalReason.None)
            {
                possible.Add(kind);
            }
        }

        return possible;
    }

    /// <summary>
    /// Two things the rules accept that are not offered: "Cap placed" once a placement is known (it is for
    /// controllers that cannot say so themselves), and any step once the session has ended (the controller
    /// may end it; a nurse may still document her removal, but there is no next step to take).
    /// </summary>
    private static bool Offered(SessionState s, NurseActionKind kind) => kind switch
    {
        NurseActionKind.CapRemoved when s.Nurse.Abort is not null => s.Lifecycle.RemovalSource != BoundarySource.Controller,
        _ when IsStep(kind) && s.Lifecycle.End is not null => false,
        NurseActionKind.CapPlaced => s.Lifecycle.Placement is null,
        _ => true,
    };

    private static NurseAction At(NurseActionKind kind, DateTimeOffset now) => kind switch
    {
        NurseActionKind.CapPlaced => new PlaceCap(now, Probe),
        NurseActionKind.InfusionStarted => new StartInfusion(now, Probe),
        NurseActionKind.InfusionEnded => new EndInfusion(now, Probe),
        NurseActionKind.CapRemoved => new RemoveCap(now, Probe),
        NurseActionKind.Abort => new AbortSession(now, Probe, AbortReason.Other),
        NurseActionKind.Tolerance => new RecordTolerance(now, Probe, 0),
        NurseActionKind.AdverseEvent => new RecordAdverseEvent(now, Probe, AdverseEventKind.Other),
        NurseActionKind.Void => new VoidSession(now, Probe, VoidReason.Other),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an action on a started session."),
    };
}
