using InfusionSuite.Simulator.Engine;

namespace InfusionSuite.Simulator.Running;

/// <summary>A timeline item the output could not carry (<see cref="IControllerOutput.Undelivered"/>): told instead of the item, so it is not counted as sent.</summary>
public sealed record UndeliveredItem(TimelineItem Item) : TimelineItem(Item.At);
