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

    /// <summary>
    /// When the controller was last heard (any message this node stored: a sample, an event, a hello), UTC milliseconds since
    /// the Unix epoch; written at most every <see cref="IngestStore.LastHeardEvery"/> per controller, so it may lag by that much.
    /// Null when nothing was stored since the column came (issue 16: a chair known only by a hello long ago left the board at a
    /// restart although its controller had been heard an hour before).
    /// </summary>
    public long? LastHeardAtMs { get; set; }

    /// <summary>The latest coolant setpoint the controller reported, in tenths of °C; null when it never reported one.</summary>
    public int? SetpointTenths { get; set; }

    /// <summary>When it reported it (the SETPOINT event's ts), UTC milliseconds since the Unix epoch.</summary>
    public long? SetpointAtMs { get; set; }
}
