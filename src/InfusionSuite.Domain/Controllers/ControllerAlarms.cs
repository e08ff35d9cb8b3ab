namespace InfusionSuite.Domain.Controllers;

/// <summary>
/// Alarm bits of CCP/1. Reserved bits are kept as they arrive (never dropped) and shown as
/// <c>UNKNOWN_0x0080</c> and so on by <see cref="ControllerAlarmNames"/>.
/// </summary>
[Flags]
public enum ControllerAlarms : ushort
{
    None = 0,
    FlowLow = 0x0001,
    CoolantHigh = 0x0002,
    CapDisconnected = 0x0004,
    SensorFault = 0x0008,
    ReservoirLow = 0x0010,
    OnBattery = 0x0020,
    Overcool = 0x0040,
}
