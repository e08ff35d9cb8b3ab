using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Engine;

/// <summary>
/// The pure engine: everything one controller emits for a scenario, in delivery order, computed
/// lazily from the scenario, the chair, the seed and the start instant alone (no clock, no I/O).
/// The same inputs always give the same items.
/// </summary>
public static class ControllerTimeline
{
    /// <param name="bootSalt">Mixed into every boot id: a run that passes its own random salt gets boot ids of
    /// its own (a real controller draws a random boot at each power-on) while the seed keeps the scenario.</param>
    public static IEnumerable<TimelineItem> Generate(Scenario scenario, SimulatedChair chair, int seed, DateTimeOffset start, uint bootSalt = 0)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(chair);
        ScenarioValidator.ThrowIfInvalid(scenario, scenario.Name);
        return new ControllerSimulation(scenario, chair, seed, start, bootSalt).Run();
    }

    /// <summary>Power-on to the end of the scenario.</summary>
    public static TimeSpan Duration(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return TimeSpan.FromMinutes(new PhaseSchedule(scenario.Session).TotalMinutes);
    }
}
