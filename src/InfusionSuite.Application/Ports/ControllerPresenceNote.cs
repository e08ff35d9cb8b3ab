namespace InfusionSuite.Application.Ports;

/// <summary>
/// A controller went online or offline, as the writer that owns it heard it (and its MQTT site, if any): on a database several
/// workers share, the other nodes' boards show the owner's view of it.
/// </summary>
public sealed record ControllerPresenceNote(string ControllerId, string? Site, bool Online, DateTimeOffset At);
