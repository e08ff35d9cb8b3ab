using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Controllers;

/// <summary>A controller said who it is (serial CCH, or MQTT status with online true).</summary>
public sealed record ControllerHelloReceived(ControllerHello Hello) : ControllerMessage;
