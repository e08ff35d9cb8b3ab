namespace InfusionSuite.Application.Ports;

/// <summary>The MQTT site a controller speaks from (its topic's): a database several workers share routes nurse actions on its chair by it.</summary>
public sealed record ControllerSite(string ControllerId, string Site);
