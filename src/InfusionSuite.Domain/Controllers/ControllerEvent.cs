namespace InfusionSuite.Domain.Controllers;

/// <summary>One CCP/1 event as the controller sent it.</summary>
/// <param name="Detail">Cap size for CALIBRATED, setpoint °C for SETPOINT, vendor code for FAULT; otherwise null.</param>
public sealed record ControllerEvent(
    string ControllerId,
    uint Boot,
    uint Seq,
    DateTimeOffset Timestamp,
    ControllerEventKind Kind,
    string? Detail)
{
    public MessageKey Key => new(ControllerId, Boot, Seq);
}
