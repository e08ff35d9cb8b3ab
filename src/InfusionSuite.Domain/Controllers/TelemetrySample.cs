namespace InfusionSuite.Domain.Controllers;

/// <summary>
/// One CCP/1 telemetry sample (serial <c>CCT</c> or MQTT <c>telemetry</c>). A value type so that
/// the hot ingest path does not allocate per sample.
/// </summary>
/// <param name="ControllerId">Stable id printed on the chair's controller.</param>
/// <param name="Boot">Random id chosen at power-on (8 hex digits on the wire).</param>
/// <param name="Seq">Message counter within the boot.</param>
/// <param name="Timestamp">The controller's clock, UTC.</param>
/// <param name="ScalpC">Cap–scalp sensor; null where the cap has none.</param>
public readonly record struct TelemetrySample(
    string ControllerId,
    uint Boot,
    uint Seq,
    DateTimeOffset Timestamp,
    ControllerState State,
    Temperature CoolantC,
    Temperature? ScalpC,
    ushort FlowMlMin,
    bool CapConnected,
    ControllerAlarms Alarms)
{
    public MessageKey Key => new(ControllerId, Boot, Seq);

    /// <summary>The controller says it is cooling a cap: circulating coolant (<see cref="ControllerState.Cooling"/>) with the cap connected.</summary>
    public bool Cooling => State == ControllerState.Cooling && CapConnected;
}
