namespace InfusionSuite.Simulator.Engine;

/// <summary>Why a controller says who it is.</summary>
public enum HelloReason
{
    /// <summary>Power-on (new boot): MQTT connects and publishes its retained online status; serial sends CCH.</summary>
    PowerOn,

    /// <summary>The link is back after a disconnect (same boot).</summary>
    Reconnect,

    /// <summary>The every-60-s CCH on serial; MQTT has nothing to do.</summary>
    Periodic,
}
