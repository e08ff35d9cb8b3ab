using InfusionSuite.Domain.Controllers;

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
        var notCooling = s.Device.CoolingNotRunning.Intervals(until);
        List<TimeInterval> gaps = [];
        List<TimeInterval> notCoolingInWindow = [];
        if (coolingWindow is { } window)
        {
            // One rule for the wait before the controller first cooled: not an interruption, and not pre-cooling's cooling.
            var cooling = SinceCoolingBegan(s, notCooling, window);
            gaps = IntervalMath.Clip(IntervalMath.Union(notCooling, UnheardOffline(s, until)), cooling);
            var waited = cooling.Start > window.Start ? IntervalMath.Union(notCooling, [new TimeInterval(window.Start, cooling.Start)]) : notCooling;
            notCoolingInWindow = IntervalMath.Clip(waited, window);
        }

        phases = SessionPhases.WithInterruptions(phases, gaps, notCoolingInWindow, until);

        // After an abort the cap may stay on with the controller stopped: those minutes are not post-abort cooling (issue 13's trial).
        phases = [.. phases.Select(p => p is { Phase: SessionPhase.PostAbortCooling, End: { } abortEnd }
            ? p with { NotCooling = IntervalMath.Total(IntervalMath.Clip(notCooling, new TimeInterval(p.Start, abortEnd))) }
            : p)];
        var performed = lifecycle.End is { } end && phases.Count > 0 ? new TimeInterval(phases[0].Start, end) : (TimeInterval?)null;
        var interruptions = IntervalMath.Summarize(gaps);
        var (coolant, scalp) = s.Device.Temperatures(s.StartedAt, s.TemperaturesEnd);

        return new ScalpCoolingSessionRecord
        {
            Plan = plan,
            Status = lifecycle.Status!.Value,
            StartedAt = s.StartedAt,
            Boundaries = new SessionBoundaries(
                lifecycle.Placement,
                lifecycle.PlacementSource,
                s.Nurse.InfusionStartedAt,
                s.Nurse.InfusionEndedAt,
                lifecycle.LastCoolingStop,
                lifecycle.Removal,
                lifecycle.RemovalSource,
                lifecycle.End),
            PerformedPeriod = performed,
            Phases = phases,
            Interruptions = interruptions,
            Deviations = SessionDeviations.Find(s, phases, interruptions, performed, until),
            Calibration = s.Device.Calibration,
            Temperatures = new CoolingTemperatures(
                coolant,
                scalp,
                s.Device.Setpoint,
                CoolantAtSetpoint(s, coolingWindow, until),
                s.Device.SetpointSource,
                s.TemperaturesEnd is { } temperaturesEnd ? new TimeInterval(s.StartedAt, IntervalMath.Max(temperaturesEnd, s.StartedAt)) : null),
            Controller = new ControllerSnapshot(
                plan.ControllerId,
                s.Channel.Model,
                s.Channel.Firmware,
                [.. s.Channel.Boots],
                !s.Channel.Offline.IsTrue,
                s.Device.Latest?.At,
                s.Device.Latest?.State,
                s.Device.Latest?.Coolant,
                s.Device.Latest?.Scalp,
                s.Device.Latest?.Alarms ?? ControllerAlarms.None,
                s.Device.CoolantOffSetpoint.KnownSince is null ? null : !s.Device.CoolantOffSetpoint.IsTrue,
                s.Device.CoolingNotRunning.KnownSince is null ? null : !s.Device.CoolingNotRunning.IsTrue,
                new ClockSkewSummary(s.Channel.Clock.LargestOffset, s.Channel.Clock.FlaggedMessages, s.Channel.Clock.Steps, s.Channel.Clock.ControllerAhead),
                s.Channel.RebootsWithin(s.StartedAt, lifecycle.End)),
            Nurses = [.. s.Nurse.Nurses],
            NurseEntries = [.. s.Nurse.Entries.Select(e => e with { LateAfter = s.Policy.LateEntryThreshold })],
            Tolerance = s.Nurse.Tolerance,
            AdverseEvents = [.. s.Nurse.AdverseEvents],
            Abort = s.Nurse.Abort,
            Void = s.Nurse.Void,
            PossibleNurseActions = NurseActionAvailability.Possible(s),
            AsOf = s.AsOf,
            RemovalDiscrepancy = RemovalDiscrepancy(s, lifecycle),
            ClockCorrections = s.Channel.Clock.Corrections(s.Policy.ClockSkewThreshold),
            SampleCount = s.Samples,
        };
    }

    /// <summary>The controller's removal minus the nurse's "cap removed", when both exist and lie further apart than the same-moment window.</summary>
    private static TimeSpan? RemovalDiscrepancy(SessionState s, SessionLifecycle lifecycle) =>
        lifecycle.RemovalSource == BoundarySource.Controller && lifecycle.Removal is { } controller && s.Nurse.CapRemovedAt is { } nurse
        && (controller - nurse).Duration() > s.Policy.SameMomentWindow
            ? controller - nurse
            : null;

    /// <summary>
    /// The cooling window from when the controller first cooled in it: a cap the nurse placed before the controller
    /// started cooling is not an interruption of cooling that had not begun, and its minutes are not pre-cooling's
    /// cooling (docs/clinical-rules.md, "Pre-cooling counts only time cooling"). A placement the controller gave is its
    /// COOLING_START: cooling began there. After a nurse's placement, cooling began when the controller's word first
    /// says so: at the end of the not-cooling it was saying at the placement; or, when it had said nothing by then
    /// (not heard yet, or offline), at its first word if that is not cooling (then at that not-cooling's end) or a
    /// COOLING_START with the cap connected. A first word of cooling without a COOLING_START may have begun unheard:
    /// cooling is taken to have run from the placement.
    /// </summary>
    private static TimeInterval SinceCoolingBegan(SessionState s, List<TimeInterval> notCooling, TimeInterval window)
    {
        var began = window.Start;
        if (s.Lifecycle.PlacementSource != BoundarySource.Nurse)
        {
            return window;
        }

        var word = s.Device.CoolingNotRunning;
        if (word.StateAt(began) is null && word.KnownSince is { } first && first > began
            && (word.StateAt(first) == true || s.Device.CoolingStartWithCapAt(first)))
        {
            began = first;
        }

        foreach (var span in notCooling)
        {
            if (span.Start <= began && span.End > began)
            {
                began = span.End;
            }
        }

        return new TimeInterval(IntervalMath.Min(began, window.End), window.End);
    }

    /// <summary>
    /// Offline time (link marks, server instants) that the controller's own record does not cover: a
    /// controller that uploads what it stored while cut off was heard for that time after all.
    /// </summary>
    private static List<TimeInterval> UnheardOffline(SessionState s, DateTimeOffset until) =>
        IntervalMath.Subtract(s.Channel.Offline.Intervals(until), s.Channel.DeviceRecord.Spans);

    private static TimeSpan CoolantAtSetpoint(SessionState s, TimeInterval? coolingWindow, DateTimeOffset until)
    {
        if (coolingWindow is not { } window || s.Device.CoolantOffSetpoint.KnownSince is not { } known || known >= window.End)
        {
            return TimeSpan.Zero;
        }

        var judged = new TimeInterval(IntervalMath.Max(window.Start, known), window.End);
        var off = IntervalMath.Clip(s.Device.CoolantOffSetpoint.Intervals(until), judged);
        return judged.Duration - IntervalMath.Total(off);
    }
}
