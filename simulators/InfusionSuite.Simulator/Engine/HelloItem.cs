using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Simulator.Engine;

/// <summary>The controller says who it is (serial CCH, MQTT retained online status).</summary>
public sealed record HelloItem(DateTimeOffset At, ControllerHello Hello, HelloReason Reason) : TimelineItem(At);
