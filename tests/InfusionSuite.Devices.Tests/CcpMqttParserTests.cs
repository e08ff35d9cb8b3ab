using System.Buffers;
using System.Text;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Tests;

public sealed class CcpMqttParserTests : IDisposable
{
    private const string TelemetryTopic = "ccp/v1/north-wing/CHAIR-07/telemetry";
    private const string EventTopic = "ccp/v1/north-wing/CHAIR-07/event";
    private const string StatusTopic = "ccp/v1/north-wing/CHAIR-07/status";

    private readonly CcpCounts _counts = new();
    private readonly CcpMqttParser _parser;

    public CcpMqttParserTests() => _parser = new CcpMqttParser(metrics: _counts.Metrics);

    public static TheoryData<string, string, CcpRejection> Rejected => new()
    {
        { TelemetryTopic, "not json", CcpRejection.NotJson },
        { TelemetryTopic, "", CcpRejection.NotJson },
        { TelemetryTopic, "[1,2]", CcpRejection.NotJson },
        { TelemetryTopic, SpecExamples.TelemetryJson + "{}", CcpRejection.NotJson },
        { TelemetryTopic, SpecExamples.TelemetryJson[..^1], CcpRejection.NotJson },
        { TelemetryTopic, "{\"pad\":\"" + new string('x', 1020) + "\"}", CcpRejection.Oversize },
        { TelemetryTopic, Without(SpecExamples.TelemetryJson, "\"seq\":1042,"), CcpRejection.MissingMember },
        { TelemetryTopic, Without(SpecExamples.TelemetryJson, ",\"alarms\":[]"), CcpRejection.MissingMember },
        { EventTopic, Without(SpecExamples.CalibratedJson, ",\"detail\":\"M\""), CcpRejection.MissingMember },
        { StatusTopic, "{\"online\":true,\"boot\":\"9f3a61c2\"}", CcpRejection.MissingMember },
        { StatusTopic, "{\"boot\":\"9f3a61c2\"}", CcpRejection.MissingMember },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "\"seq\":1042", "\"seq\":\"1042\""), CcpRejection.FieldForm },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "\"seq\":1042", "\"seq\":1042.5"), CcpRejection.FieldForm },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "\"seq\":1042", "\"seq\":-1"), CcpRejection.OutOfRange },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "\"seq\":1042", "\"seq\":4294967296"), CcpRejection.OutOfRange },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "-3.8", "-3.85"), CcpRejection.FieldForm },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "-3.8", "-3.8e0"), CcpRejection.FieldForm },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "-3.8", "-12.0"), CcpRejection.OutOfRange },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "-3.8", "null"), CcpRejection.FieldForm },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "17.6", "40.5"), CcpRejection.OutOfRange },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "620", "2001"), CcpRejection.OutOfRange },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "true", "1"), CcpRejection.FieldForm },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "[]", "[\"FLOW_SLOW\"]"), CcpRejection.FieldForm },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "[]", "7"), CcpRejection.FieldForm },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "COOLING", "Cooling"), CcpRejection.FieldForm },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "9f3a61c2", "9F3A61C2"), CcpRejection.FieldForm },
        { TelemetryTopic, Swap(SpecExamples.TelemetryJson, "03.250Z", "03.250+00:00"), CcpRejection.FieldForm },
        { EventTopic, Swap(SpecExamples.CalibratedJson, "\"M\"", "\"XXL\""), CcpRejection.FieldForm },
        { EventTopic, Swap(SpecExamples.CalibratedJson, "CALIBRATED", "THAWED"), CcpRejection.FieldForm },
        { StatusTopic, Swap(SpecExamples.OnlineJson, "\"protocol\":1", "\"protocol\":0"), CcpRejection.OutOfRange },
        { "ccp/v1/North-Wing/CHAIR-07/telemetry", SpecExamples.TelemetryJson, CcpRejection.BadTopic },
        { "ccp/v1/north-wing/CHAIR 07/telemetry", SpecExamples.TelemetryJson, CcpRejection.BadTopic },
        { "ccp/v2/north-wing/CHAIR-07/telemetry", SpecExamples.TelemetryJson, CcpRejection.BadTopic },
        { "ccp/v1/north-wing/telemetry", SpecExamples.TelemetryJson, CcpRejection.BadTopic },
        { "ccp/v1/north-wing/CHAIR-07/telemetry/x", SpecExamples.TelemetryJson, CcpRejection.BadTopic },
        { "ccp/v1/north-wing/CHAIR-07/command", SpecExamples.TelemetryJson, CcpRejection.UnknownType },
    };

    public void Dispose() => _counts.Dispose();

    [Fact]
    public void SpecTelemetryPayload_ParsesToItsValues_WithTheTopicsControllerId()
    {
        var result = _parser.Parse(TelemetryTopic, Sequence(SpecExamples.TelemetryJson), out var message);

        Assert.Equal(CcpRejection.None, result);
        Assert.Equal(CcpMessageKind.Telemetry, message.Kind);
        Assert.Equal("north-wing", message.Site);
        Assert.Equal(SpecExamples.Telemetry1042, message.Telemetry);
        Assert.Equal(1, _counts.Accepted("mqtt"));
    }

    [Fact]
    public void SpecEventAndStatusPayloads_ParseToTheirValues()
    {
        Assert.Equal(CcpRejection.None, _parser.Parse(EventTopic, Sequence(SpecExamples.CalibratedJson), out var calibrated));
        Assert.Equal(SpecExamples.Calibrated, calibrated.Event);
        Assert.Equal(CcpRejection.None, _parser.Parse(StatusTopic, Sequence(SpecExamples.OnlineJson), out var online));
        Assert.True(online.Online);
        Assert.Equal(SpecExamples.Hello, online.Hello);
        Assert.Equal(CcpRejection.None, _parser.Parse(StatusTopic, Sequence("{\"online\":false}"), out var offline));
        Assert.False(offline.Online);
        Assert.Null(offline.Hello);
    }

    [Fact]
    public void PayloadSplitAcrossManySegments_ParsesTheSame()
    {
        var written = CcpJsonWriter.Telemetry(SpecExamples.Telemetry1043 with { ScalpC = null, Alarms = (ControllerAlarms)0x0081 });

        Assert.Equal(CcpRejection.None, _parser.Parse(TelemetryTopic, CcpJsonCases.Segmented(written, 3), out var message));
        Assert.Equal(SpecExamples.Telemetry1043 with { ScalpC = null, Alarms = (ControllerAlarms)0x0081 }, message.Telemetry);
    }

    [Fact]
    public void UnknownMembers_AreIgnored_EscapesAreRead_ScalpMayBeAbsent_WholeDegreesAreAccepted()
    {
        var json = "{\"firmwareNote\":{\"a\":[1,{\"b\":null}]},\"boot\":\"9f3a61c2\",\"seq\":1042,\"ts\":\"2026-11-27T09:14:03.250Z\","
            + "\"state\":\"COOL\\u0049NG\",\"coolantC\":-4,\"flowMlMin\":620,\"capConnected\":true,\"alarms\":[\"FLOW_LOW\",\"UNKNOWN_0x8000\"],\"extra\":1}";

        Assert.Equal(CcpRejection.None, _parser.Parse(TelemetryTopic, Sequence(json), out var message));
        Assert.Null(message.Telemetry.ScalpC);
        Assert.Equal(new Temperature(-40), message.Telemetry.CoolantC);
        Assert.Equal(ControllerState.Cooling, message.Telemetry.State);
        Assert.Equal(ControllerAlarms.FlowLow | (ControllerAlarms)0x8000, message.Telemetry.Alarms);
    }

    [Theory]
    [InlineData("{\"boot\":\"9f3a61c2\",\"seq\":1,\"ts\":\"2026-11-27T09:14:03.250Z\",\"event\":\"PAUSE\"}")]
    [InlineData("{\"boot\":\"9f3a61c2\",\"seq\":1,\"ts\":\"2026-11-27T09:14:03.250Z\",\"event\":\"PAUSE\",\"detail\":null}")]
    [InlineData("{\"boot\":\"9f3a61c2\",\"seq\":1,\"ts\":\"2026-11-27T09:14:03.250Z\",\"event\":\"PAUSE\",\"detail\":\"\"}")]
    public void EventWithoutDetail_MayOmitItOrSendNullOrEmpty(string json)
    {
        Assert.Equal(CcpRejection.None, _parser.Parse(EventTopic, Sequence(json), out var message));
        Assert.Null(message.Event!.Detail);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void BadMessage_IsRejectedWithItsReason_AndCounted(string topic, string json, CcpRejection reason)
    {
        Assert.Equal(reason, _parser.Parse(topic, Sequence(json), out _));
        Assert.Equal(1, _counts.Rejected(reason, "mqtt"));
    }

    [Fact]
    public void WrittenPayloads_RoundTrip()
    {
        var sample = SpecExamples.Telemetry1042 with { Seq = uint.MaxValue, CoolantC = new Temperature(-100), ScalpC = new Temperature(400), FlowMlMin = 2000, CapConnected = false, Alarms = (ControllerAlarms)0xFFFF };
        var fault = SpecExamples.Calibrated with { Kind = ControllerEventKind.Fault, Detail = "E_PUMP_12" };

        Assert.Equal(CcpRejection.None, _parser.Parse(TelemetryTopic, Sequence(CcpJsonWriter.Telemetry(sample)), out var telemetry));
        Assert.Equal(sample, telemetry.Telemetry);
        Assert.Equal(CcpRejection.None, _parser.Parse(EventTopic, Sequence(CcpJsonWriter.Event(fault)), out var ev));
        Assert.Equal(fault, ev.Event);
        Assert.Equal(CcpRejection.None, _parser.Parse(EventTopic, Sequence(CcpJsonWriter.Event(SpecExamples.CoolingStart)), out var start));
        Assert.Equal(SpecExamples.CoolingStart, start.Event);
    }

    [Fact]
    public void HundredThousandMutatedPayloads_NeverMakeTheParserThrow()
    {
        var random = new Random(1042);
        byte[][] valid =
        [
            Encoding.UTF8.GetBytes(SpecExamples.TelemetryJson), Encoding.UTF8.GetBytes(SpecExamples.CalibratedJson),
            Encoding.UTF8.GetBytes(SpecExamples.OnlineJson),
        ];
        string[] topics = [TelemetryTopic, EventTopic, StatusTopic];
        for (var i = 0; i < 100_000; i++)
        {
            var which = random.Next(3);
            var bytes = valid[which].ToArray();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                bytes[random.Next(bytes.Length)] = (byte)(random.Next(2) == 0 ? random.Next(256) : "{}[],:\\\"0123456789.-eE nul"[random.Next(25)]);
            }

            var payload = random.Next(4) == 0 ? CcpJsonCases.Segmented(bytes, random.Next(1, 9)) : Sequence(bytes);
            _parser.Parse(topics[random.Next(3) == 0 ? random.Next(3) : which], payload, out _);
        }

        Assert.True(_counts.TotalRejected > 10_000);
        Assert.True(_counts.Accepted("mqtt") > 100);
    }

    [Fact]
    public void ValidTelemetryPayload_AllocatesNothing()
    {
        var payload = Sequence(SpecExamples.TelemetryJson);
        var parser = new CcpMqttParser();
        parser.Parse(TelemetryTopic, payload, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            parser.Parse(TelemetryTopic, payload, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static string Without(string json, string member) => Swap(json, member, "");

    private static string Swap(string json, string from, string to)
    {
        Assert.Contains(from, json, StringComparison.Ordinal);
        return json.Replace(from, to, StringComparison.Ordinal);
    }

    private static ReadOnlySequence<byte> Sequence(string json) => new(Encoding.UTF8.GetBytes(json));

    private static ReadOnlySequence<byte> Sequence(byte[] utf8) => new(utf8);
}
