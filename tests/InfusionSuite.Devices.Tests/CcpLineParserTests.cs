using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;
using static InfusionSuite.Devices.Tests.Lines;

namespace InfusionSuite.Devices.Tests;

public sealed class CcpLineParserTests
{
    private readonly CcpLineParser _parser = new();

    public static TheoryData<string, CcpRejection> RejectedLines => new()
    {
        { "$" + new string('A', 157) + "*00\r\n", CcpRejection.TooLong },
        { SpecExamples.Telemetry1042Line.Replace("*43", "*44", StringComparison.Ordinal), CcpRejection.BadChecksum },
        { SpecExamples.Telemetry1042Line.Replace("*43", "", StringComparison.Ordinal), CcpRejection.BadChecksum },
        { Line("CCT,CHAIR-07").Replace("*", "*x", StringComparison.Ordinal)[..^3] + "\r\n", CcpRejection.BadChecksum },
        { Line("CCE,CHAIR-07,7,2026-11-27T08:40:00.000Z,PAUSE,").ToLowerInvariant(), CcpRejection.BadChecksum },
        { Line("CCX,CHAIR-07,1"), CcpRejection.UnknownType },
        { Line("CCTT,CHAIR-07,1"), CcpRejection.UnknownType },
        { Line("CC"), CcpRejection.UnknownType },
        { Line("CCT,CHAIR-07,1042,2026-11-27T09:14:03.250Z,COOLING,-3.8,17.6,620,1"), CcpRejection.FieldCount },
        { Line("CCE,CHAIR-07,7,2026-11-27T08:40:00.000Z,PAUSE"), CcpRejection.FieldCount },
        { Line("CCH,CHAIR-07,9f3a61c2,SIM-1,1.0.0,1,extra"), CcpRejection.FieldCount },
        { Line("CCT"), CcpRejection.FieldCount },
        { Telemetry(id: "CHAIR 07"), CcpRejection.FieldForm },
        { Telemetry(id: new string('A', 33)), CcpRejection.FieldForm },
        { Telemetry(id: ""), CcpRejection.FieldForm },
        { Telemetry(seq: "01042"), CcpRejection.FieldForm },
        { Telemetry(seq: "+1042"), CcpRejection.FieldForm },
        { Telemetry(seq: "4294967296"), CcpRejection.OutOfRange },
        { Telemetry(ts: "2026-11-27T09:14:03.25Z"), CcpRejection.FieldForm },
        { Telemetry(ts: "2026-11-27T09:14:03.250"), CcpRejection.FieldForm },
        { Telemetry(ts: "2026-11-27 09:14:03.250Z"), CcpRejection.FieldForm },
        { Telemetry(ts: "2026-02-29T09:14:03.250Z"), CcpRejection.OutOfRange },
        { Telemetry(ts: "2026-11-27T24:00:00.000Z"), CcpRejection.OutOfRange },
        { Telemetry(state: "cooling"), CcpRejection.FieldForm },
        { Telemetry(state: "DEFROST"), CcpRejection.FieldForm },
        { Telemetry(coolant: "-3.80"), CcpRejection.FieldForm },
        { Telemetry(coolant: "-4"), CcpRejection.FieldForm },
        { Telemetry(coolant: ""), CcpRejection.FieldForm },
        { Telemetry(coolant: "03.8"), CcpRejection.FieldForm },
        { Telemetry(coolant: "-10.1"), CcpRejection.OutOfRange },
        { Telemetry(coolant: "40.1"), CcpRejection.OutOfRange },
        { Telemetry(scalp: "-5.1"), CcpRejection.OutOfRange },
        { Telemetry(scalp: "17,6"), CcpRejection.FieldCount },
        { Telemetry(scalp: "x"), CcpRejection.FieldForm },
        { Telemetry(flow: "2001"), CcpRejection.OutOfRange },
        { Telemetry(flow: "-1"), CcpRejection.OutOfRange },
        { Telemetry(flow: "620.0"), CcpRejection.FieldForm },
        { Telemetry(cap: "2"), CcpRejection.FieldForm },
        { Telemetry(cap: "true"), CcpRejection.FieldForm },
        { Telemetry(alarms: "001"), CcpRejection.FieldForm },
        { Telemetry(alarms: "00G1"), CcpRejection.FieldForm },
        { Event("CAP_ON", "M"), CcpRejection.FieldForm },
        { Event("CALIBRATED", "XXL"), CcpRejection.FieldForm },
        { Event("CALIBRATED", ""), CcpRejection.FieldForm },
        { Event("SETPOINT", "4"), CcpRejection.FieldForm },
        { Event("SETPOINT", "45.0"), CcpRejection.OutOfRange },
        { Event("FAULT", "e_12"), CcpRejection.FieldForm },
        { Event("FAULT", "E1234567890123456"), CcpRejection.FieldForm },
        { Event("DEFROST"), CcpRejection.FieldForm },
        { Hello(boot: "9F3A61C2"), CcpRejection.FieldForm },
        { Hello(boot: "9f3a61c"), CcpRejection.FieldForm },
        { Hello(model: ""), CcpRejection.FieldForm },
        { Hello(protocol: "0"), CcpRejection.OutOfRange },
        { Hello(protocol: "one"), CcpRejection.FieldForm },
        { Line("CCQ,HI"), CcpRejection.FieldForm },
        { "CCT,CHAIR-07*00\r\n", CcpRejection.Noise },
    };

    [Fact]
    public void SpecExampleTelemetry_ParsesToItsValues()
    {
        var result = _parser.Parse(Bytes(SpecExamples.Telemetry1043Line), out var frame);

        Assert.Equal(CcpRejection.None, result);
        Assert.Equal(CcpFrameType.Telemetry, frame.Type);
        Assert.Equal(SpecExamples.Telemetry1043, frame.TelemetryFor(SpecExamples.Boot));
        Assert.Equal(0u, frame.Telemetry.Boot);
    }

    [Fact]
    public void SpecExampleHello_ParsesToItsValues()
    {
        Assert.Equal(CcpRejection.None, _parser.Parse(Bytes(SpecExamples.HelloLine), out var frame));
        Assert.Equal(CcpFrameType.Hello, frame.Type);
        Assert.Equal(SpecExamples.Hello, frame.Hello);
    }

    [Fact]
    public void SpecExampleEvents_ParseToTheirValues_EmptyDetailIsNull()
    {
        Assert.Equal(CcpRejection.None, _parser.Parse(Bytes(SpecExamples.CoolingStartLine), out var start));
        Assert.Equal(SpecExamples.CoolingStart, start.EventFor(SpecExamples.Boot));
        Assert.Equal(CcpRejection.None, _parser.Parse(Bytes(SpecExamples.CalibratedLine), out var calibrated));
        Assert.Equal(SpecExamples.Calibrated, calibrated.EventFor(SpecExamples.Boot));
    }

    [Theory]
    [InlineData("SETPOINT", "-4.0")]
    [InlineData("FAULT", "E_PUMP_12")]
    [InlineData("CALIBRATED", "XL")]
    public void EventDetails_AreKeptAsSent(string kind, string detail)
    {
        Assert.Equal(CcpRejection.None, _parser.Parse(Bytes(Event(kind, detail)), out var frame));
        Assert.Equal(detail, frame.EventDetail);
    }

    [Fact]
    public void ReservedAlarmBits_EmptyScalp_LoneLineFeed_AndNoLineEnd_AreAccepted()
    {
        var line = Telemetry(scalp: "", alarms: "80a1", coolant: "-0.0");

        Assert.Equal(CcpRejection.None, _parser.Parse(Bytes(line.Replace("\r\n", "\n", StringComparison.Ordinal)), out var frame));
        Assert.Equal(CcpRejection.None, _parser.Parse(Bytes(line.TrimEnd()), out _));
        Assert.Null(frame.Telemetry.ScalpC);
        Assert.Equal((ControllerAlarms)0x80A1, frame.Telemetry.Alarms);
        Assert.Equal(new Temperature(0), frame.Telemetry.CoolantC);
    }

    [Fact]
    public void LineOf160Bytes_IsRead_OneByteMoreIsTooLong()
    {
        var longest = Line("CCX," + new string('A', 160 - 10));
        var tooLong = Line("CCX," + new string('A', 161 - 10));

        Assert.Equal(160, longest.Length);
        Assert.Equal(CcpRejection.UnknownType, _parser.Parse(Bytes(longest), out _));
        Assert.Equal(CcpRejection.TooLong, _parser.Parse(Bytes(tooLong), out _));
    }

    [Theory]
    [MemberData(nameof(RejectedLines))]
    public void BadLine_IsRejectedWithItsReason(string line, CcpRejection reason) =>
        Assert.Equal(reason, _parser.Parse(Bytes(line), out _));

    [Fact]
    public void EveryLineReason_IsCoveredByATestLine()
    {
        var covered = RejectedLines.Select(row => (CcpRejection)row[1]).ToHashSet();
        var lineReasons = new[]
        {
            CcpRejection.TooLong, CcpRejection.BadChecksum, CcpRejection.UnknownType, CcpRejection.FieldCount,
            CcpRejection.FieldForm, CcpRejection.OutOfRange, CcpRejection.Noise,
        };

        Assert.All(lineReasons, reason => Assert.Contains(reason, covered));
    }

    [Fact]
    public void ValidTelemetryLine_AllocatesNothing()
    {
        var line = Bytes(SpecExamples.Telemetry1042Line);
        _parser.Parse(line, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            _parser.Parse(line, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void SameControllerId_IsTheSameString()
    {
        _parser.Parse(Bytes(SpecExamples.Telemetry1042Line), out var first);
        _parser.Parse(Bytes(SpecExamples.Telemetry1043Line), out var second);

        Assert.Same(first.ControllerId, second.ControllerId);
    }
}
