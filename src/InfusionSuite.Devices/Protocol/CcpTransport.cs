namespace InfusionSuite.Devices.Protocol;

/// <summary>How a CCP/1 message arrived (the <c>transport</c> metric tag).</summary>
public enum CcpTransport : byte
{
    Serial,
    Mqtt,
}
