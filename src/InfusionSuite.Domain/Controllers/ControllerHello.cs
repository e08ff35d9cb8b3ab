namespace InfusionSuite.Domain.Controllers;

/// <summary>A controller saying who it is (serial <c>CCH</c>, MQTT retained <c>status</c> with online true).</summary>
public sealed record ControllerHello(
    string ControllerId,
    uint Boot,
    string Model,
    string Firmware,
    int ProtocolVersion);
