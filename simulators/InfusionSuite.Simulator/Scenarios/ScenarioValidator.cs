using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Simulator.Scenarios;

/// <summary>Checks a scenario's values against CCP/1 ranges and the session's shape.</summary>
public static class ScenarioValidator
{
    private static readonly string[] s_capSizes = ["XS", "S", "M", "L", "XL"];

    /// <summary>Every problem found, each naming its member; empty when the scenario can run.</summary>
    public static IReadOnlyList<string> Problems(Scenario scenario)
    {
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Check(!string.IsNullOrWhiteSpace(scenario.Name), "name must not be empty");
        var c = scenario.Controller;
        Check(c.TelemetryHz is >= 0.2 and <= 10, "controller.telemetryHz must be 0.2–10");
        Check(c.SetpointC is >= -10m and <= 40m, "controller.setpointC must be −10.0–40.0");
        Check(c.RoomC is >= -10 and <= 40, "controller.roomC must be −10–40");
        Check(c.SkinC is >= 20 and <= 40, "controller.skinC must be 20–40");
        Check(c.ScalpCooledC is >= 0 and <= 35, "controller.scalpCooledC must be 0–35");
        Check(c.PulldownMinutes is > 0 and <= 120, "controller.pulldownMinutes must be over 0 and at most 120");
        Check(c.FlowMlMin is >= 100 and <= 1900, "controller.flowMlMin must be 100–1900");
        Check(c.MinimumFlowMlMin is >= 0 && c.MinimumFlowMlMin < c.FlowMlMin - 40, "controller.minimumFlowMlMin must be under flowMlMin − 40");
        Check(c.NoiseC is >= 0 and <= 2, "controller.noiseC must be 0–2");
        Check(IsField(c.Model, 32) && IsField(c.Firmware, 32), "controller.model and controller.firmware must be 1–32 characters without , * $");

        var s = scenario.Session;
        foreach (var (name, minutes) in PhaseMinutes(s))
        {
            Check(minutes is >= 0 and <= 24 * 60, $"session.{name} must be 0–1440");
        }

        Check(s.PrecoolTargetMinutes >= 0 && s.PostcoolTargetMinutes >= 0, "session.precoolTargetMinutes and session.postcoolTargetMinutes must not be negative");
        Check(s_capSizes.Contains(s.CapSize, StringComparer.Ordinal), "session.capSize must be XS, S, M, L or XL");

        var schedule = new PhaseSchedule(s);
        for (var i = 0; i < scenario.Incidents.Count; i++)
        {
            problems.AddRange(IncidentProblems(scenario.Incidents[i], schedule).Select(p => $"incidents[{i}] ({scenario.Incidents[i].Kind}): {p}"));
        }

        return problems;
    }

    public static void ThrowIfInvalid(Scenario scenario, string source = "scenario")
    {
        var problems = Problems(scenario);
        if (problems.Count > 0)
        {
            throw new ScenarioFormatException($"{source}: {string.Join("; ", problems)}");
        }
    }

    private static IEnumerable<(string Name, double Minutes)> PhaseMinutes(SessionPlan s) =>
    [
        ("standbyMinutes", s.StandbyMinutes), ("prechillMinutes", s.PrechillMinutes), ("fittingMinutes", s.FittingMinutes),
        ("precoolMinutes", s.PrecoolRunMinutes), ("infusionMinutes", s.InfusionMinutes), ("postcoolMinutes", s.PostcoolRunMinutes),
        ("warmupMinutes", s.WarmupMinutes), ("tailMinutes", s.TailMinutes),
    ];

    private static IEnumerable<string> IncidentProblems(Incident incident, PhaseSchedule schedule)
    {
        if (incident.AtMinutes < 0 || incident.Minutes < 0 || incident.Count < 0)
        {
            yield return "atMinutes, minutes and count must not be negative";
        }

        var start = schedule.StartOf(incident.Phase) + incident.AtMinutes;
        var end = start + incident.Minutes;
        if (start > schedule.TotalMinutes)
        {
            yield return "starts after the scenario ends";
        }

        if (incident.Kind is IncidentKind.Pause or IncidentKind.Fault or IncidentKind.Overcool or IncidentKind.CapDisconnect
            && (start < schedule.StartOf(SessionPhase.Precool) || end > schedule.StartOf(SessionPhase.Warmup)))
        {
            yield return "must start and end while cooling (between precool start and postcool end)";
        }

        switch (incident.Kind)
        {
            case IncidentKind.Fault when incident.FlowLowSeconds < 0 || incident.FlowLowSeconds >= incident.Minutes * 60:
                yield return "flowLowSeconds must be 0 or more and shorter than minutes";
                break;
            case IncidentKind.Fault when !IsFaultCode(incident.FaultCode):
                yield return "faultCode must be 1–16 of A-Z 0-9 _";
                break;
            case IncidentKind.Alarm when incident.Alarm is null || !ControllerAlarmNames.TryParse(incident.Alarm, out _):
                yield return "alarm must be a CCP/1 alarm name such as RESERVOIR_LOW or UNKNOWN_0x0080";
                break;
            case IncidentKind.Setpoint when incident.SetpointC is not (>= -10m and <= 40m):
                yield return "setpointC must be −10.0–40.0";
                break;
            case IncidentKind.Reboot or IncidentKind.Disconnect when end > schedule.TotalMinutes:
                yield return "must end before the scenario ends";
                break;
            default:
                break;
        }
    }

    private static bool IsField(string value, int maxLength) =>
        value.Length is > 0 && value.Length <= maxLength && value.IndexOfAny([',', '*', '$', '\r', '\n']) < 0;

    private static bool IsFaultCode(string code) =>
        code.Length is >= 1 and <= 16 && code.All(ch => ch is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');
}
