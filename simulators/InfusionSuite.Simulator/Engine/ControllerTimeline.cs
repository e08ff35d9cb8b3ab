using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Engine;

/// <summary>
/// The pure engine: everything one controller emits for a scenario, in delivery order, computed
/// lazily from the scenario, the chair, the seed and the start instant alone (no clock, no I/O).
/// The same inputs always give the same items.
/// </summary>
public static class ControllerTimeline
{
    public static IEnumerable<TimelineItem> Generate(Scenario scenario, SimulatedChair chair, int seed, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(chair);
        ScenarioValidator.ThrowIfInvalid(scenario, scenario.Name);
        return new ControllerSimulation(scenario, chair, seed, start).Run();
    }

    /// <summary>Power-on to the end of the scenario.</summary>
    public static TimeSpan Duration(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return TimeSpan.FromMinutes(new PhaseSchedule(scenario.Session).TotalMinutes);
    }
}
