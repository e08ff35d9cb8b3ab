namespace InfusionSuite.Application.Controllers;

/// <summary>How a CCP/1 message arrived (the <c>transport</c> metric tag).</summary>
public enum CcpTransport : byte
{
    Serial,
    Mqtt,
}
