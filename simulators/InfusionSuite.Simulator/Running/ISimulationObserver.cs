using InfusionSuite.Simulator.Engine;

namespace InfusionSuite.Simulator.Running;

/// <summary>
/// Sees every item a simulated chair plays, after it went to the output: the live display, the demo
/// (which drives nurse actions from <see cref="NurseMarkerItem"/>) and tests. The chair waits for it.
/// </summary>
public interface ISimulationObserver
{
    ValueTask OnItemAsync(SimulatedChair chair, TimelineItem item, CancellationToken cancellationToken);
}
