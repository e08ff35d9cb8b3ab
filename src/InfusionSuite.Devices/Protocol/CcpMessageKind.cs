namespace InfusionSuite.Devices.Protocol;

/// <summary>The last level of a CCP/1 MQTT topic.</summary>
public enum CcpMessageKind : byte
{
    Telemetry,
    Event,
    Status,
}
