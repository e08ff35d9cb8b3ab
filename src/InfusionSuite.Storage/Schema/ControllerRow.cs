namespace InfusionSuite.Storage.Schema;

/// <summary>A controller ever heard from; <see cref="ControllerKey"/> is the compact key the telemetry rows use.</summary>
public sealed class ControllerRow
{
    public int ControllerKey { get; set; }

    public required string ControllerId { get; set; }

    public string? Model { get; set; }

    public string? Firmware { get; set; }

    /// <summary>The latest boot id said in a hello (uint held as its int bits).</summary>
    public int? Boot { get; set; }

    /// <summary>UTC, milliseconds since the Unix epoch.</summary>
    public long? LastHelloAtMs { get; set; }

    /// <summary>The latest coolant setpoint the controller reported, in tenths of °C; null when it never reported one.</summary>
    public int? SetpointTenths { get; set; }

    /// <summary>When it reported it (the SETPOINT event's ts), UTC milliseconds since the Unix epoch.</summary>
    public long? SetpointAtMs { get; set; }
}
