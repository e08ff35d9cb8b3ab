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

    /// <summary>1 Hz up to ×30, then fewer samples per simulated second (at least one every 5 s, the protocol's slowest).</summary>
    public static double TelemetryHz(double timeScale) => Math.Clamp(30 / timeScale, 0.2, 1.0);

    private static Scenario BuiltIn(string name) =>
        BuiltInScenarios.TryGet(name, out var scenario) ? scenario : throw new InvalidOperationException("No built-in scenario " + name);
}
