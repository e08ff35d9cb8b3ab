using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Simulator.Engine;

/// <summary>A controller event sent at <see cref="TimelineItem.At"/>.</summary>
public sealed record EventItem(DateTimeOffset At, ControllerEvent Event) : TimelineItem(At);
