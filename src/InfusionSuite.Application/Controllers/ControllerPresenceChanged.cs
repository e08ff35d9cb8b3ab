namespace InfusionSuite.Application.Controllers;

/// <summary>A controller went online or offline.</summary>
public sealed record ControllerPresenceChanged(bool Online, PresenceReason Reason) : ControllerMessage;
