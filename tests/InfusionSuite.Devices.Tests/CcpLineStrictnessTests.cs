using InfusionSuite.Devices.Protocol;
using static InfusionSuite.Devices.Tests.Lines;

namespace InfusionSuite.Devices.Tests;

/// <summary>
/// Serial fields with a byte no CCP/1 field holds (non-ASCII, invalid UTF-8, control characters) or a
/// value of the wrong kind are <c>field_form</c>, even with a correct checksum; never read as something else.
/// </summary>
public sealed class CcpLineStrictnessTests
{
    /// <summary>Bytes no field may hold, in Latin-1 (one char per byte): invalid UTF-8, UTF-8 "é", NUL, DEL, TAB, space.</summary>
    private static readonly string[] s_badBytes = ["\u00FF", "\u0080", "\u00C3\u00A9", "\0", "\u007F", "\t", " "];

    public static TheoryData<string> BadBytesInEveryField
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var bad in s_badBytes)
            {
                data.Add(Telemetry(id: "CHAIR-07" + bad));
                data.Add(Telemetry(seq: "1042" + bad));
                data.Add(Telemetry(seq: bad + "1042"));
                data.Add(Telemetry(ts: "2026-11-27T09:14:03.250Z" + bad));
                data.Add(Telemetry(ts: "2026-11-27T09:14:03.2" + bad + "Z"));
                data.Add(Telemetry(state: "COOLING" + bad));
                data.Add(Telemetry(coolant: "-3.8" + bad));
                data.Add(Telemetry(coolant: "-3" + bad + "8"));
                data.Add(Telemetry(scalp: bad));
                data.Add(Telemetry(flow: "620" + bad));
                data.Add(Telemetry(cap: "1" + bad));
                data.Add(Telemetry(cap: bad));
                data.Add(Telemetry(alarms: "000" + bad));
                data.Add(Event("PAUSE" + bad));
                data.Add(Event("PAUSE", bad));
                data.Add(Event("CALIBRATED", "M" + bad));
                data.Add(Event("FAULT", "E_PUMP" + bad));
                data.Add(Event("SETPOINT", "-4.0" + bad));
                data.Add(Event("PAUSE", seq: "7" + bad));
                data.Add(Hello(id: bad + "CHAIR-07"));
                data.Add(Hello(boot: "9f3a61c" + bad));
                data.Add(Hello(protocol: "1" + bad));
                data.Add(Line("CCQ,HELLO" + bad));
            }

            // Labels may hold a space but no other byte outside printable ASCII.
            foreach (var bad in s_badBytes.Where(b => b != " "))
            {
                data.Add(Hello(model: "SIM" + bad + "1"));
                data.Add(Hello(firmware: "1.0.0" + bad));
            }

            return data;
        }
    }

    public static TheoryData<string> WrongKindOfValue => new()
    {
        Telemetry(cap: "true"), Telemetry(cap: "false"), Telemetry(cap: "01"), Telemetry(cap: "-1"),
        Telemetry(flow: "620.0"), Telemetry(flow: "6e2"), Telemetry(flow: "0x26C"), Telemetry(flow: ""),
        Telemetry(seq: "-"), Telemetry(seq: "1e3"), Telemetry(seq: ""), Telemetry(coolant: "x"), Telemetry(coolant: "-"),
        Telemetry(coolant: "-3.8e0"), Telemetry(coolant: "NaN"), Telemetry(scalp: "null"), Telemetry(alarms: "FLOW_LOW"),
        Telemetry(alarms: ""), Telemetry(state: "1"), Telemetry(state: ""), Telemetry(ts: "1732700000"),
        Telemetry(ts: "2026-11-27T09:14:03;250Z"), Event("1"), Event("SETPOINT", "cold"), Hello(protocol: "1.0"),
        Hello(protocol: "true"), Hello(boot: "0x9f3a61"), Hello(model: new string('M', 33)),
    };

    [Theory]
    [MemberData(nameof(BadBytesInEveryField))]
    public void ByteNoFieldHolds_IsFieldForm(string line) => AssertFieldForm(line);

    [Theory]
    [MemberData(nameof(WrongKindOfValue))]
    public void ValueOfTheWrongKind_IsFieldForm(string line) => AssertFieldForm(line);

    private static void AssertFieldForm(string line)
    {
        Assert.Equal(CcpRejection.FieldForm, new CcpLineParser().Parse(Bytes(line), out var frame));
        Assert.Equal(CcpFrameType.None, frame.Type);
    }
}
