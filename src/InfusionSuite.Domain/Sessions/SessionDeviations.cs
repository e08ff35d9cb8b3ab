using System.Globalization;

namespace InfusionSuite.Domain.Sessions;

/// <summary>The deviation table of docs/clinical-rules.md, applied to a session's phases and facts.</summary>
internal static class SessionDeviations
{
    public static List<SessionDeviation> Find(
        SessionState s, List<PhaseSummary> phases, InterruptionSummary interruptions, TimeInterval? performed, DateTimeOffset until)
    {
        var found = new List<SessionDeviation>();
        var policy = s.Policy;
        // Pre-cooling counts only time cooling: the minutes the controller said it was not cooling do not.
        // Short is judged in the minutes shown (WholeMinutes): "pre-cooled 29 of 30 min" is always SHORT_PRECOOL of 1 min, "30 of 30" never.
        if (Ended(phases, SessionPhase.PreCooling) is { Target: { } preTarget, Cooled: { } pre } preCooling && WholeMinutes.ShortBy(pre, preTarget) is > 0 and var preShort)
        {
            var notCooling = WholeMinutes.Of(preCooling.NotCooling) > 0 ? $" ({Minutes(preCooling.NotCooling)} min not cooling not counted)" : string.Empty;
            found.Add(new(DeviationCode.ShortPrecool, preTarget - pre, $"Pre-cooled {Minutes(pre)} of {Minutes(preTarget)} min before the infusion started{notCooling}.") { ShownMinutes = preShort });
        }

        if (NotAtTemperature(s, until) is { } warm)
        {
            found.Add(new(DeviationCode.PrecoolNotAtTemperature, warm, $"Coolant warmer than setpoint + {policy.SetpointTolerance} °C when the infusion started, for {Minutes(warm)} min."));
        }

        if (interruptions.Total > policy.InterruptionThreshold)
        {
            found.Add(new(DeviationCode.Interrupted, interruptions.Total, $"Cooling not running {Minutes(interruptions.Total)} min in {interruptions.Count} interruption(s), longest {Minutes(interruptions.Longest)} min."));
        }

        // A session that ended with the cap off (not stopped early), also once voided: a void withdraws the record, it does not change what happened.
        if (s.Nurse.Abort is null && s.Lifecycle.Removal is not null
            && Ended(phases, SessionPhase.PostCooling) is { Target: { } postTarget, Duration: { } post } && WholeMinutes.ShortBy(post, postTarget) is > 0 and var postShort)
        {
            found.Add(new(DeviationCode.ShortPostcool, postTarget - post, $"Post-cooled {Minutes(post)} of {Minutes(postTarget)} min before the cap came off.") { ShownMinutes = postShort });
        }

        if (s.Nurse.Abort is { } abort)
        {
            var cooled = performed?.Duration ?? TimeSpan.Zero;
            // Stopped once post-cooling had reached its target: every target was met, nothing was cut short.
            var targetsMet = Ended(phases, SessionPhase.PostCooling) is { Target: { } target, Duration: { } postCooled } && WholeMinutes.ShortBy(postCooled, target) == 0;
            found.Add(new(DeviationCode.Aborted, cooled, targetsMet
                ? $"Stopped ({abort.Words}) after every target was met, {Minutes(cooled)} min with the cap on."
                : $"Stopped early ({abort.Words}) after {Minutes(cooled)} min with the cap on."));
        }

        if (s.Device.OvercoolAlarm.EverTrue)
        {
            var overcool = During(s, s.Device.OvercoolAlarm, until);
            found.Add(new(DeviationCode.Overcool, overcool, $"OVERCOOL alarm for {Minutes(overcool)} min (cold-injury risk)."));
        }

        if (s.Device.DeviceFault.EverTrue)
        {
            var fault = During(s, s.Device.DeviceFault, until);
            var codes = s.Device.FaultCodes.Count == 0 ? string.Empty : " Fault codes: " + string.Join(", ", s.Device.FaultCodes) + ".";
            found.Add(new(DeviationCode.DeviceFault, fault, $"Controller fault or FLOW_LOW/COOLANT_HIGH/SENSOR_FAULT for {Minutes(fault)} min.{codes}"));
        }

        return found;
    }

    private static PhaseSummary? Ended(List<PhaseSummary> phases, SessionPhase phase) =>
        phases.Find(p => p.Phase == phase && p.End is not null);

    private static TimeSpan? NotAtTemperature(SessionState s, DateTimeOffset until)
    {
        if (s.Nurse.InfusionStartedAt is not { } start || s.Device.CoolantOffSetpoint.KnownSince is not { } known || known > start)
        {
            return null;
        }

        return s.Device.CoolantOffSetpoint.HoldingAt(start, until) is { } warm ? warm.End - start : null;
    }

    private static TimeSpan During(SessionState s, ConditionTimeline timeline, DateTimeOffset until) =>
        IntervalMath.Total(IntervalMath.Clip(timeline.Intervals(until), new TimeInterval(s.StartedAt, IntervalMath.Max(until, s.StartedAt))));

    private static string Minutes(TimeSpan span) => WholeMinutes.Of(span).ToString(CultureInfo.InvariantCulture);
}
