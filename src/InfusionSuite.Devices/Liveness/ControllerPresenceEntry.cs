using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Devices.Links;

namespace InfusionSuite.Devices.Liveness;

/// <summary>What is known of one controller's presence, as of <see cref="LastHeardAt"/>.</summary>
public sealed record ControllerPresenceEntry(
    string ControllerId,
    bool Online,
    DateTimeOffset LastHeardAt,
    CcpTransport Transport,
    string? Site,
    string? SerialPort);
