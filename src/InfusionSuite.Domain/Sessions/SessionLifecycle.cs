namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// Boundaries and status derived from the facts: the controller's word wins where it can say
/// (placement, last stop, removal), the nurse's where it cannot.
/// </summary>
internal sealed record SessionLifecycle(
    SessionStatus? Status,
    DateTimeOffset? Placement,
    BoundarySource? PlacementSource,
    DateTimeOffset? DeviceLastStop,
    DateTimeOffset? Removal,
    BoundarySource? RemovalSource,
    DateTimeOffset? End,
    DateTimeOffset? StopAfterAbort = null)
{
    public static SessionLifecycle NotStarted { get; } = new(null, null, null, null, null, null, null);

    /// <summary>The last cooling stop: the controller's (after infusion end, or ending an aborted session), else the removal.</summary>
    public DateTimeOffset? LastCoolingStop => DeviceLastStop ?? StopAfterAbort ?? Removal;

    public bool HasEnded => End is not null;

    public static SessionLifecycle Resolve(SessionState s)
    {
        if (s.Plan is null)
        {
            return NotStarted;
        }

        var devicePlacement = s.Device.FirstCoolingStartWithCapAt(s.StartedAt) is { } first
            && (s.Nurse.CapPlacedAt is not { } nurse || first <= nurse + s.Policy.SameMomentWindow) ? first : (DateTimeOffset?)null;
        var placement = devicePlacement ?? s.Nurse.CapPlacedAt;
        BoundarySource? placementSource = devicePlacement is not null ? BoundarySource.Controller
            : s.Nurse.CapPlacedAt is not null ? BoundarySource.Nurse : null;

        var stoppedAt = s.Device.LastCoolingStopAt is { } stop && (s.Device.LastCoolingStartAt is not { } start || stop > start) ? stop : (DateTimeOffset?)null;
        var deviceLastStop = stoppedAt is { } st && s.Nurse.InfusionEndedAt is { } ie && st >= ie && placement is not null ? st : (DateTimeOffset?)null;
        var deviceRemoval = deviceLastStop is { } ds && s.Device.LastCapOffAt is { } off && off >= ds && (s.Device.LastCapOnAt is not { } on || off > on)
            ? off : (DateTimeOffset?)null;

        DateTimeOffset? removal = deviceRemoval ?? s.Nurse.CapRemovedAt;
        BoundarySource? removalSource = deviceRemoval is not null ? BoundarySource.Controller
            : s.Nurse.CapRemovedAt is not null ? BoundarySource.Nurse : null;
        DateTimeOffset? end = removal;
        DateTimeOffset? stopAfterAbort = null;
        if (s.Nurse.Abort is { } abort)
        {
            // Ended clinically at the abort; the cap comes off afterwards: the controller's CAP_OFF within
            // the listening window, else the nurse's "cap removed" after the abort, else the abort itself.
            var capOff = s.Device.LastCapOffAt is { } last && last >= abort.At && last <= abort.At + s.Policy.AbortListenWindow ? last : (DateTimeOffset?)null;
            var nurseOff = s.Nurse.CapRemovedAt is { } removed && removed >= abort.At ? removed : (DateTimeOffset?)null;
            removal = placement is null ? null : capOff ?? nurseOff ?? abort.At;
            removalSource = placement is null ? null : capOff is not null ? BoundarySource.Controller : BoundarySource.Nurse;
            end = removal ?? abort.At;
            deviceLastStop = null;
            stopAfterAbort = placement is not null && stoppedAt is { } last0 && last0 >= placement && (removal is not { } r || last0 <= r) ? last0 : null;
        }

        var status = s.Nurse.Void is not null ? SessionStatus.Voided
            : s.Nurse.Abort is not null ? SessionStatus.Aborted
            : removal is not null ? SessionStatus.Completed
            : deviceLastStop is not null ? SessionStatus.WarmingUp
            : s.Nurse.InfusionEndedAt is not null ? SessionStatus.PostCooling
            : s.Nurse.InfusionStartedAt is not null ? SessionStatus.Infusing
            : placement is not null ? SessionStatus.PreCooling
            : s.Device.FittingSeen ? SessionStatus.Fitting
            : SessionStatus.Started;

        return new SessionLifecycle(status, placement, placementSource, deviceLastStop, removal, removalSource, end, stopAfterAbort);
    }
}
