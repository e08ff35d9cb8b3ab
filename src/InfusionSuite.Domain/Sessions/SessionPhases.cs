namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// The phases reached so far. Boundaries are clamped into order (each no earlier than the one
/// before, none after the end), so no phase is negative and together they make the performed period.
/// </summary>
internal static class SessionPhases
{
    public static List<PhaseSummary> Build(SessionState s)
    {
        var lifecycle = s.Lifecycle;
        var phases = new List<PhaseSummary>(4);
        if (lifecycle.Placement is not { } placement)
        {
            return phases;
        }

        // An aborted session's phases stop at the abort; the minutes until the cap comes off are post-abort cooling.
        var abortedAt = s.Nurse.Abort?.At;
        var end = abortedAt is { } a && lifecycle.End is { } e0 && e0 > a ? a : lifecycle.End;
        var completed = lifecycle.Removal is not null && s.Nurse.Abort is null;
        var starts = new List<(SessionPhase Phase, DateTimeOffset At)>(4) { (SessionPhase.PreCooling, placement) };
        if (s.Nurse.InfusionStartedAt is { } infusionStart)
        {
            starts.Add((SessionPhase.Infusion, infusionStart));
            if (s.Nurse.InfusionEndedAt is { } infusionEnd)
            {
                starts.Add((SessionPhase.PostCooling, infusionEnd));
                if ((completed || lifecycle.DeviceLastStop is not null) && lifecycle.LastCoolingStop is { } stop)
                {
                    starts.Add((SessionPhase.WarmUp, stop));
                }
            }
        }

        var previous = DateTimeOffset.MinValue;
        var clamped = new DateTimeOffset[starts.Count];
        for (var i = 0; i < starts.Count; i++)
        {
            var at = IntervalMath.Max(previous, starts[i].At);
            clamped[i] = previous = end is { } e ? IntervalMath.Min(at, e) : at;
        }

        for (var i = 0; i < starts.Count; i++)
        {
            var phaseEnd = i + 1 < starts.Count ? clamped[i + 1] : end;
            phases.Add(new PhaseSummary(starts[i].Phase, clamped[i], phaseEnd, TargetOf(s.Plan!, starts[i].Phase), InterruptionSummary.None));
        }

        if (abortedAt is { } abort && end == abort && lifecycle.End is { } removed && removed > abort)
        {
            phases.Add(new PhaseSummary(SessionPhase.PostAbortCooling, abort, removed, null, InterruptionSummary.None));
        }

        return phases;
    }

    /// <summary>Placement → the start of warm-up (or the end, or now): when cooling should run.</summary>
    public static TimeInterval? CoolingWindow(List<PhaseSummary> phases, DateTimeOffset until)
    {
        if (phases.Count == 0)
        {
            return null;
        }

        var last = phases[^1];
        var end = !last.Phase.IsProtocolCooling() ? last.Start : last.End ?? IntervalMath.Max(until, last.Start);
        return new TimeInterval(phases[0].Start, end);
    }

    /// <param name="notCooling">The controller's own not-cooling spans (no offline time), inside the cooling window.</param>
    public static List<PhaseSummary> WithInterruptions(List<PhaseSummary> phases, List<TimeInterval> gaps, List<TimeInterval> notCooling, DateTimeOffset until)
    {
        var result = new List<PhaseSummary>(phases.Count);
        foreach (var phase in phases)
        {
            if (!phase.Phase.IsProtocolCooling())
            {
                result.Add(phase);
                continue;
            }

            var window = new TimeInterval(phase.Start, phase.End ?? IntervalMath.Max(until, phase.Start));
            result.Add(phase with
            {
                Interruptions = IntervalMath.Summarize(IntervalMath.Clip(gaps, window)),
                NotCooling = IntervalMath.Total(IntervalMath.Clip(notCooling, window)),
            });
        }

        return result;
    }

    private static TimeSpan? TargetOf(SessionPlan plan, SessionPhase phase) => phase switch
    {
        SessionPhase.PreCooling => plan.Targets.PreCooling,
        SessionPhase.PostCooling => plan.Targets.PostCooling,
        _ => null,
    };
}
