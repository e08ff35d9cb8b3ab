namespace InfusionSuite.Domain.Sessions;

/// <summary>Builds the immutable record from a session's facts.</summary>
internal static class SessionRecordBuilder
{
    public static ScalpCoolingSessionRecord Build(SessionState s)
    {
        var plan = s.Plan!;
        var lifecycle = s.Lifecycle;
        var until = lifecycle.End ?? IntervalMath.Max(s.AsOf, s.StartedAt);
        var phases = SessionPhases.Build(s);
        var coolingWindow = SessionPhases.CoolingWindow(phases, until);
        var gaps = coolingWindow is { } window
            ? IntervalMath.Clip(IntervalMath.Union(s.CoolingNotRunning.Intervals(until), s.Offline.Intervals(until)), window)
            : [];
        phases = SessionPhases.WithInterruptions(phases, gaps, until);
        var performed = lifecycle.End is { } end && phases.Count > 0 ? new TimeInterval(phases[0].Start, end) : (TimeInterval?)null;
        var interruptions = IntervalMath.Summarize(gaps);

        return new ScalpCoolingSessionRecord
        {
            Plan = plan,
            Status = lifecycle.Status!.Value,
            StartedAt = s.StartedAt,
            Boundaries = new SessionBoundaries(
                lifecycle.Placement,
                lifecycle.PlacementSource,
                s.InfusionStartedAt,
                s.InfusionEndedAt,
                lifecycle.LastCoolingStop,
                lifecycle.Removal,
                lifecycle.RemovalSource,
                lifecycle.End),
            PerformedPeriod = performed,
            Phases = phases,
            Interruptions = interruptions,
            Deviations = SessionDeviations.Find(s, phases, interruptions, performed, until),
            Calibration = s.Calibration,
            Temperatures = new CoolingTemperatures(
                s.Coolant.Summary(),
                s.Scalp.Summary(),
                s.Setpoint,
                CoolantAtSetpoint(s, coolingWindow, until)),
            Controller = new ControllerSnapshot(
                plan.ControllerId,
                s.Model,
                s.Firmware,
                [.. s.Messages.Boots],
                !s.Offline.IsTrue,
                s.LatestSampleAt,
                s.LatestState,
                s.LatestCoolant,
                s.LatestScalp,
                s.LatestAlarms,
                s.CoolantOffSetpoint.KnownSince is null ? null : !s.CoolantOffSetpoint.IsTrue,
                s.CoolingNotRunning.KnownSince is null ? null : !s.CoolingNotRunning.IsTrue,
                new ClockSkewSummary(s.LargestSkew, s.SkewFlagged)),
            Nurses = [.. s.Nurses],
            NurseEntries = [.. s.NurseEntries],
            Tolerance = s.Tolerance,
            AdverseEvents = [.. s.AdverseEvents],
            Abort = s.Abort,
            Void = s.Void,
            PossibleNurseActions = NurseActionAvailability.Possible(s),
            AsOf = s.AsOf,
        };
    }

    private static TimeSpan CoolantAtSetpoint(SessionState s, TimeInterval? coolingWindow, DateTimeOffset until)
    {
        if (coolingWindow is not { } window || s.CoolantOffSetpoint.KnownSince is not { } known || known >= window.End)
        {
            return TimeSpan.Zero;
        }

        var judged = new TimeInterval(IntervalMath.Max(window.Start, known), window.End);
        var off = IntervalMath.Clip(s.CoolantOffSetpoint.Intervals(until), judged);
        return judged.Duration - IntervalMath.Total(off);
    }
}
