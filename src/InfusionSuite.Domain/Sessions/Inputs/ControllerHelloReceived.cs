using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>The controller said who it is (model, firmware, boot).</summary>
public sealed record ControllerHelloReceived(DateTimeOffset ReceivedAt, ControllerHello Hello) : SessionInput(ReceivedAt);
