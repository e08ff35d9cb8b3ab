using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Running;

/// <summary>Runs a scenario on several chairs at once, each through its own output.</summary>
public static class Simulation
{
    /// <summary>The chairs a run will have.</summary>
    public static IReadOnlyList<SimulatedChair> Chairs(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Controllers, 1);
        return [.. Enumerable.Range(0, options.Controllers).Select(i => SimulatedChair.Numbered(i, options.ControllerIdPrefix))];
    }

    /// <summary>
    /// Runs every chair to the end of the scenario; each output is created by <paramref name="createOutput"/>
    /// and disposed when its chair is done. A failing chair fails the run (the others are cancelled).
    /// </summary>
    public static async Task RunAsync(
        Scenario scenario,
        SimulationOptions options,
        Func<SimulatedChair, IControllerOutput> createOutput,
        TimeProvider timeProvider,
        ISimulationObserver? observer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createOutput);
        ScenarioValidator.ThrowIfInvalid(scenario, scenario.Name);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var start = options.Start ?? timeProvider.GetUtcNow();
        var chairs = Chairs(options).Select(chair => RunChairAsync(chair)).ToList();
        await Task.WhenAll(chairs);

        async Task RunChairAsync(SimulatedChair chair)
        {
            try
            {
                var chairStart = start + TimeSpan.FromMinutes(options.StaggerMinutes * chair.Index);
                await using var output = createOutput(chair);
                await new SimulatedController(scenario, chair, options.Seed, output, timeProvider, chairStart, clockError: options.ClockError, cutOff: options.CutOff).RunAsync(observer, failed.Token);
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }
    }
}
