namespace InfusionSuite.Devices.Links;

/// <summary>How a controller message reached InfusionSuite.</summary>
public enum ControllerTransport : byte
{
    Serial,
    Mqtt,
}
