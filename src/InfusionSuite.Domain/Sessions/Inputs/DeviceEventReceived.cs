using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>A CCP/1 event from the session's controller, with the server instant it arrived.</summary>
public sealed record DeviceEventReceived(DateTimeOffset ReceivedAt, ControllerEvent Event) : SessionInput(ReceivedAt);
