using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>
/// One parsed serial line. Serial CCT and CCE lines carry no boot: <see cref="Telemetry"/> has
/// boot 0 until <see cref="TelemetryFor"/> or <see cref="EventFor"/> is given the boot from the
/// controller's latest CCH (which <see cref="CcpSerialReader"/> does).
/// </summary>
public readonly struct CcpSerialFrame
{
    public CcpFrameType Type { get; init; }

    /// <summary>The controller (null for a CCQ).</summary>
    public string? ControllerId { get; init; }

    /// <summary>CCT/CCE message counter.</summary>
    public uint Seq { get; init; }

    /// <summary>CCH only.</summary>
    public ControllerHello? Hello { get; init; }

    /// <summary>CCT only, with boot 0.</summary>
    public TelemetrySample Telemetry { get; init; }

    /// <summary>CCE only.</summary>
    public DateTimeOffset EventTimestamp { get; init; }

    /// <summary>CCE only.</summary>
    public ControllerEventKind EventKind { get; init; }

    /// <summary>CCE only; null for events without detail.</summary>
    public string? EventDetail { get; init; }

    public TelemetrySample TelemetryFor(uint boot) => Telemetry with { Boot = boot };

    public ControllerEvent EventFor(uint boot) =>
        new(ControllerId!, boot, Seq, EventTimestamp, EventKind, EventDetail);
}
