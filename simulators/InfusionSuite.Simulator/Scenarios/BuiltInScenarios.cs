namespace InfusionSuite.Simulator.Scenarios;

/// <summary>The scenarios the simulator knows by name (docs/simulator.md describes each).</summary>
public static class BuiltInScenarios
{
    private static readonly Scenario[] s_all =
    [
        Variant(
            "normal",
            "First session of a course, anthracycline regimen: 30 min pre-cooling, 60 min infusion, 90 min post-cooling, 7 min warm-up.",
            new SessionPlan { FirstOfCourse = true, CapSize = "M" }),
        Variant("short-precool", "The infusion starts after 15 of the 30 minutes of pre-cooling.", new SessionPlan { PrecoolMinutes = 15 }),
        Variant(
            "early-removal",
            "The cap comes off after 40 of the regimen's 90 minutes of post-cooling (5 min warm-up).",
            new SessionPlan { PostcoolMinutes = 40, WarmupMinutes = 5 }),
        Variant(
            "interruption",
            "PAUSE 20 min into the infusion, RESUME 8 min later (patient to the bathroom).",
            incidents: new Incident { Kind = IncidentKind.Pause, Phase = SessionPhase.Infusion, AtMinutes = 20, Minutes = 8 }),
        Variant(
            "fault",
            "Flow drops 15 min into the infusion (FLOW_LOW), FAULT after 45 s, cooling restarts 4 min later.",
            incidents: new Incident { Kind = IncidentKind.Fault, Phase = SessionPhase.Infusion, AtMinutes = 15, Minutes = 4 }),
        Variant(
            "overcool",
            "The scalp sensor falls under 0.0 °C 10 min into post-cooling for 4 min (OVERCOOL alarm).",
            incidents: new Incident { Kind = IncidentKind.Overcool, Phase = SessionPhase.Postcool, AtMinutes = 10, Minutes = 4 }),
        Variant(
            "disconnect",
            "The link drops 10 min into the infusion for 2 min: MQTT Last Will, serial port closed.",
            incidents: new Incident { Kind = IncidentKind.Disconnect, Phase = SessionPhase.Infusion, AtMinutes = 10, Minutes = 2 }),
        Variant(
            "reboot",
            "Power lost 30 min into the infusion for 30 s: new boot, seq from 0, CAP_ON and COOLING_START again.",
            incidents: new Incident { Kind = IncidentKind.Reboot, Phase = SessionPhase.Infusion, AtMinutes = 30, Minutes = 0.5 }),
        Variant(
            "garbage",
            "Ten malformed frames (bad and missing checksums, truncated, oversize, out of range) 5 min into pre-cooling and again 5 min into the infusion.",
            incidents:
            [
                new Incident { Kind = IncidentKind.Garbage, Phase = SessionPhase.Precool, AtMinutes = 5, Count = 10 },
                new Incident { Kind = IncidentKind.Garbage, Phase = SessionPhase.Infusion, AtMinutes = 5, Count = 10 },
            ]),
        Variant(
            "duplicates",
            "COOLING_START and the two samples after it sent twice; 5 pairs of samples swapped 1 min into the infusion.",
            incidents:
            [
                new Incident { Kind = IncidentKind.Duplicates, Phase = SessionPhase.Precool, AtMinutes = 0, Count = 3 },
                new Incident { Kind = IncidentKind.Reorder, Phase = SessionPhase.Infusion, AtMinutes = 1, Count = 5 },
            ]),
    ];

    /// <summary>Every built-in scenario, normal first.</summary>
    public static IReadOnlyList<Scenario> All => s_all;

    public static IEnumerable<string> Names => s_all.Select(s => s.Name);

    public static bool TryGet(string name, out Scenario scenario)
    {
        scenario = s_all.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return scenario is not null;
    }

    /// <summary>A default session (not the first of the course) with the given changes.</summary>
    private static Scenario Variant(string name, string description, SessionPlan? session = null, params Incident[] incidents) =>
        new() { Name = name, Description = description, Session = session ?? new SessionPlan(), Incidents = incidents };
}
