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

    /// <summary>
    /// The timeline of a controller that follows a person's documentation instead of the plan's clock (the demo's
    /// free chairs): it pre-chills until a session is started on its chair, cools until the infusion ends, runs the
    /// plan's post-cooling, and stops at once when the session ends first. <paramref name="nurse"/> is asked, as the
    /// timeline is read, what has been documented for the chair (null: no session). Items come when read, so read
    /// it no faster than the clock (as <see cref="Running.SimulatedController"/> does).
    /// </summary>
    public static IEnumerable<TimelineItem> Following(Scenario scenario, SimulatedChair chair, int seed, DateTimeOffset start, Func<NurseProgress?> nurse, uint bootSalt = 0)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(chair);
        ArgumentNullException.ThrowIfNull(nurse);
        ScenarioValidator.ThrowIfInvalid(scenario, scenario.Name);
        return new ControllerSimulation(scenario, chair, seed, start, bootSalt, nurse).Run();
    }

    /// <summary>Power-on to the end of the scenario.</summary>
    public static TimeSpan Duration(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return TimeSpan.FromMinutes(new PhaseSchedule(scenario.Session).TotalMinutes);
    }
}
