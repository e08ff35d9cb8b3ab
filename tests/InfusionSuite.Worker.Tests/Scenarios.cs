using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Worker.Tests;

/// <summary>Built-in scenarios with telemetry every 5 s (the phases and events are unchanged), so a scaled run stays light.</summary>
internal static class Scenarios
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    public static Scenario Light(string name)
    {
        Assert.True(BuiltInScenarios.TryGet(name, out var scenario), name);
        return scenario with { Controller = scenario.Controller with { TelemetryHz = 0.2 } };
    }

    /// <summary>The scenario with pre-cooling three minutes past its target, and post-cooling too unless the scenario cuts it short.</summary>
    public static Scenario PastTheTargets(string name)
    {
        var light = Light(name);
        return light with { Session = light.Session with { PrecoolMinutes = light.Session.PrecoolMinutes ?? 33, PostcoolMinutes = light.Session.PostcoolMinutes ?? 93 } };
    }

    /// <summary>A duration of a scaled run, to ±2 min (a loaded machine's jitter at 300×).</summary>
    public static void Near(TimeSpan expected, TimeSpan actual) =>
        Assert.InRange(actual, expected - TimeSpan.FromMinutes(2), expected + TimeSpan.FromMinutes(2));
}
