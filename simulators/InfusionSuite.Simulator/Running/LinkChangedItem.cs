using InfusionSuite.Simulator.Engine;

namespace InfusionSuite.Simulator.Running;

/// <summary>
/// A <c>--cut-off</c>'s link going down (<see cref="Up"/> false) or coming back with <see cref="StoredMessages"/> to upload:
/// not part of the scenario's timeline, told to the observers as it happens (the display prints one line each).
/// </summary>
public sealed record LinkChangedItem(DateTimeOffset At, bool Up, int StoredMessages) : TimelineItem(At);
