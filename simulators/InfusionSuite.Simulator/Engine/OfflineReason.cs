namespace InfusionSuite.Simulator.Engine;

/// <summary>Why a controller stops talking.</summary>
public enum OfflineReason
{
    /// <summary>The link dropped: the broker publishes the Last Will; the serial port is closed.</summary>
    Disconnect,

    /// <summary>Power lost (a reboot follows): MQTT connection dies (Last Will); a serial line just goes quiet.</summary>
    PowerLoss,

    /// <summary>The scenario is over: retained offline status and a clean MQTT disconnect; the serial port is closed.</summary>
    Shutdown,
}
