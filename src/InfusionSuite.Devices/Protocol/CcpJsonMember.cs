namespace InfusionSuite.Devices.Protocol;

/// <summary>The JSON members CCP/1 payloads carry, as bits of a "seen" mask.</summary>
[Flags]
internal enum CcpJsonMember
{
    None = 0,
    Boot = 1 << 0,
    Seq = 1 << 1,
    Ts = 1 << 2,
    State = 1 << 3,
    CoolantC = 1 << 4,
    ScalpC = 1 << 5,
    FlowMlMin = 1 << 6,
    CapConnected = 1 << 7,
    Alarms = 1 << 8,
    Event = 1 << 9,
    Detail = 1 << 10,
    Online = 1 << 11,
    Model = 1 << 12,
    Firmware = 1 << 13,
    Protocol = 1 << 14,
}
