using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Demo;

/// <summary>The demo's six chairs, each with its own built-in scenario, powered on a few simulated minutes apart.</summary>
internal static class DemoChairs
{
    /// <summary>Simulated minutes between two chairs' first power-on.</summary>
    public static readonly TimeSpan Stagger = TimeSpan.FromMinutes(4);

    /// <summary>Simulated minutes between a chair powering off and its next patient's session.</summary>
    public static readonly TimeSpan Turnover = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Normal, short pre-cooling, interruption, fault, early removal, and a first session of a course
    /// (the cap calibrated: the fitting, 97007 for sessions dated from 2026). Telemetry is slowed at high time scales so the real message rate stays modest.
    /// </summary>
    public static IReadOnlyList<(SimulatedChair Chair, Scenario Scenario)> All(double timeScale)
    {
        var normal = BuiltIn("normal");
        Scenario[] scenarios =
        [
            normal with { Name = "normal", Session = normal.Session with { FirstOfCourse = false } },
            BuiltIn("short-precool"),
            BuiltIn("interruption"),
            BuiltIn("fault"),
            BuiltIn("early-removal"),
            normal with { Name = "first-of-course", Session = normal.Session with { FirstOfCourse = true, CapSize = "S" } },
        ];
        var hz = TelemetryHz(timeScale);
        return [.. scenarios.Select((s, i) => (SimulatedChair.Numbered(i), s with { Controller = s.Controller with { TelemetryHz = hz } }))];
    }

    /// <summary>
    /// The free chairs after the six (CHAIR-07, CHAIR-08, …): no demo nurse; their controllers follow what a person
    /// documents on the board, as a real controller follows its nurse. Each pre-chills with no cap until a session is
    /// started on its chair; then the cap goes on and cooling starts (about 4 minutes); it cools until the person
    /// records the infusion's end, runs the 90 minutes of post-cooling and stops; the cap comes off 7 minutes later.
    /// "Cap removed", an abort or a void before that stops it at once.
    /// </summary>
    public static IReadOnlyList<SimulatedChair> Free(int count) => [.. Enumerable.Range(6, count).Select(i => SimulatedChair.Numbered(i))];

    /// <summary>The board label of a free chair.</summary>
    public static string FreeLabel(SimulatedChair chair)
    {
        ArgumentNullException.ThrowIfNull(chair);
        return $"Chair {chair.Index + 1} (free: yours to run)";
    }

    /// <summary>The scenario a free chair's controller runs (not the first of a course).</summary>
    public static Scenario FreeScenario(double timeScale)
    {
        var normal = BuiltIn("normal");
        return normal with { Name = "free", Session = normal.Session with { FirstOfCourse = false }, Controller = normal.Controller with { TelemetryHz = TelemetryHz(timeScale) } };
    }

    /// <summary>1 Hz up to ×30, then fewer samples per simulated second (at least one every 5 s, the protocol's slowest).</summary>
    public static double TelemetryHz(double timeScale) => Math.Clamp(30 / timeScale, 0.2, 1.0);

    private static Scenario BuiltIn(string name) =>
        BuiltInScenarios.TryGet(name, out var scenario) ? scenario : throw new InvalidOperationException("No built-in scenario " + name);
}
