using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>One parsed CCP/1 MQTT message. The controllerId is the topic's.</summary>
public readonly struct CcpMqttMessage
{
    public CcpMessageKind Kind { get; init; }

    public string Site { get; init; }

    public string ControllerId { get; init; }

    /// <summary>Kind telemetry.</summary>
    public TelemetrySample Telemetry { get; init; }

    /// <summary>Kind event.</summary>
    public ControllerEvent? Event { get; init; }

    /// <summary>Kind status: whether the controller is online (false for its Last Will).</summary>
    public bool Online { get; init; }

    /// <summary>Kind status with online true: who the controller is and its boot.</summary>
    public ControllerHello? Hello { get; init; }
}
