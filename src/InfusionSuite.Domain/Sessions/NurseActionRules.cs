using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Sessions;

/// <summary>Whether a nurse action is possible now: a pure check, <see cref="RefusalReason.None"/> when it is.</summary>
internal static class NurseActionRules
{
    public static RefusalReason Check(SessionState s, NurseAction action)
    {
        var at = action.EffectiveInstant;
        if (action is StartSession start)
        {
            return s.Plan is not null ? RefusalReason.SessionAlreadyStarted
                : at > action.ReceivedAt ? RefusalReason.EffectiveTimeInFuture
                : !s.Policy.IsTargetAllowed(start.Plan.Targets.PreCooling) || !s.Policy.IsTargetAllowed(start.Plan.Targets.PostCooling)
                    ? RefusalReason.TargetOutOfRange
                : RefusalReason.None;
        }

        if (s.Plan is null)
        {
            return RefusalReason.SessionNotStarted;
        }

        if (s.Nurse.Void is not null)
        {
            return RefusalReason.SessionVoided;
        }

        if (at > action.ReceivedAt)
        {
            return RefusalReason.EffectiveTimeInFuture;
        }

        if (at < s.StartedAt)
        {
            return RefusalReason.EffectiveTimeBeforeSessionStart;
        }

        return action switch
        {
            VoidSession or RecordAdverseEvent or GiveBillingDetails or MoveToCourse => RefusalReason.None,
            RecordTolerance tolerance => tolerance.Score is < 0 or > 10 ? RefusalReason.ToleranceOutOfRange : RefusalReason.None,
            RemoveCap when s.Nurse.Abort is { } abort && s.Nurse.CapRemovedAt is null => CheckRemovalAfterAbort(s, abort, at),
            _ when s.Nurse.Abort is not null || s.Nurse.CapRemovedAt is not null => RefusalReason.SessionFinished,
            PlaceCap => CheckPlacement(s, at),
            StartInfusion => s.Nurse.InfusionStartedAt is not null ? RefusalReason.AlreadyRecorded : RefusalReason.None,
            EndInfusion => CheckInfusionEnd(s, at),
            RemoveCap => CheckRemoval(s, at),
            AbortSession => at < Latest(s) ? RefusalReason.OutOfOrder : RefusalReason.None,
            _ => RefusalReason.None,
        };
    }

    private static RefusalReason CheckPlacement(SessionState s, DateTimeOffset at) =>
        s.Nurse.CapPlacedAt is not null ? RefusalReason.AlreadyRecorded
        : s.Nurse.InfusionEndedAt is { } ended && at > ended ? RefusalReason.OutOfOrder
        : RefusalReason.None;

    private static RefusalReason CheckInfusionEnd(SessionState s, DateTimeOffset at) =>
        s.Nurse.InfusionStartedAt is not { } started ? RefusalReason.InfusionNotStarted
        : s.Nurse.InfusionEndedAt is not null ? RefusalReason.AlreadyRecorded
        : at < started ? RefusalReason.InfusionEndBeforeStart
        : RefusalReason.None;

    private static RefusalReason CheckRemoval(SessionState s, DateTimeOffset at) =>
        s.Nurse.InfusionEndedAt is not { } ended ? RefusalReason.InfusionNotEnded
        : s.Lifecycle.Placement is not { } placed ? RefusalReason.CapNotPlaced
        : at < ended || at < placed ? RefusalReason.OutOfOrder
        : RefusalReason.None;

    /// <summary>
    /// After an abort the cap still comes off: "cap removed" is taken within the listening window, once, also when the
    /// controller's CAP_OFF came first (as after a completed session: the order they arrive in changes nothing; the controller's time wins).
    /// </summary>
    private static RefusalReason CheckRemovalAfterAbort(SessionState s, SessionAbort abort, DateTimeOffset at) =>
        s.Lifecycle.Placement is null ? RefusalReason.CapNotPlaced
        : at > abort.At + s.Policy.AbortListenWindow ? RefusalReason.SessionFinished
        : at < abort.At ? RefusalReason.OutOfOrder
        : RefusalReason.None;

    private static DateTimeOffset Latest(SessionState s)
    {
        var latest = s.StartedAt;
        foreach (var instant in (ReadOnlySpan<DateTimeOffset?>)[s.Lifecycle.Placement, s.Nurse.InfusionStartedAt, s.Nurse.InfusionEndedAt])
        {
            if (instant is { } value && value > latest)
            {
                latest = value;
            }
        }

        return latest;
    }
}
