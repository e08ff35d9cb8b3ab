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
}
