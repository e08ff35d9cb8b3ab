using InfusionSuite.Simulator.Engine;

namespace InfusionSuite.Simulator.Running;

/// <summary>
/// The output stopped carrying this chair's messages (<see cref="Up"/> false: the MQTT broker unreachable, serial writes
/// failing) or carries them again, with <see cref="Lost"/> messages lost meanwhile. Unlike a <c>--cut-off</c>, what goes
/// meanwhile is not stored: it is lost. Told to the observers as it happens (the display prints one line each).
/// </summary>
public sealed record TransportChangedItem(DateTimeOffset At, bool Up, int Lost) : TimelineItem(At);
