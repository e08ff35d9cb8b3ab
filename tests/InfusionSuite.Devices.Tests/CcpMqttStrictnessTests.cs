using InfusionSuite.Devices.Protocol;
using static InfusionSuite.Devices.Tests.CcpJsonCases;

namespace InfusionSuite.Devices.Tests;

/// <summary>
/// The MQTT parser refuses what it cannot read exactly: a wrong JSON type is <c>field_form</c> (never
/// read as false), invalid UTF-8 anywhere and a name given twice are <c>not_json</c>, and unknown
/// members are skipped at any depth within the size limit.
/// </summary>
public sealed class CcpMqttStrictnessTests : IDisposable
{
    private readonly CcpCounts _counts = new();
    private readonly CcpMqttParser _parser;

    public CcpMqttStrictnessTests() => _parser = new CcpMqttParser(metrics: _counts.Metrics);

    /// <summary>Every member of every kind, given a value of each other JSON type.</summary>
    public static TheoryData<string, string> WrongTypes
    {
        get
        {
            var data = new TheoryData<string, string>
            {
                { StatusTopic, "{\"online\":\"true\"}" },
                { StatusTopic, "{\"online\":\"false\"}" },
                { StatusTopic, "{\"online\":1}" },
                { StatusTopic, "{\"online\":null}" },
            };
            foreach (var (topic, members) in new[] { (TelemetryTopic, Telemetry), (EventTopic, Event), (StatusTopic, Status) })
            {
                foreach (var member in members)
                {
                    var nullable = member.Name is "scalpC" or "detail";
                    foreach (var (value, type) in Values.Where(v => v.Type != member.Type && !(nullable && v.Type == 'Z')))
                    {
                        data.Add(topic, With(members, member.Name, value));
                    }
                }
            }

            return data;
        }
    }

    public static TheoryData<string, string> InvalidUtf8 => new()
    {
        { TelemetryTopic, Inserting(Telemetry, "\"note\":\"«FF»\"") },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":\"ab«C3»\"") },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":\"«C0»«AF»\"") },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":\"«E0»«80»«AF»\"") },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":\"«ED»«A0»«80»\"") },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":\"«F4»«90»«80»«80»\"") },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":\"«80»\"") },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":\"«F0»«9D»«84»\"") },
        { TelemetryTopic, Inserting(Telemetry, "\"n«FF»te\":1") },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":[1,{\"deep\":[\"«FE»\"]}]") },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":{\"«F8»\":1}") },
        { TelemetryTopic, With(Telemetry, "state", "\"COOL«C3»NG\"") },
        { TelemetryTopic, With(Telemetry, "boot", "\"9f3a61«C2»\"") },
        { TelemetryTopic, Json(Telemetry) + " «FF»" },
        { EventTopic, With(Event, "detail", "\"«A0»\"") },
        { StatusTopic, With(Status, "model", "\"SIM«FF»1\"") },
        { StatusTopic, With(Status, "firmware", "\"1.0.0 «E2»«82»\"") },
        { StatusTopic, "{\"online\":false,\"why\":\"«C1»«BF»\"}" },
    };

    public static TheoryData<string, string> DuplicateNames => new()
    {
        { TelemetryTopic, Inserting(Telemetry, "\"seq\":1042") },
        { TelemetryTopic, Inserting(Telemetry, "\"capConnected\":false") },
        { TelemetryTopic, Inserting(Telemetry, "\"capConnected\":true") },
        { TelemetryTopic, Inserting(Telemetry, "\"s\\u0065q\":1042") },
        { TelemetryTopic, Json(Telemetry)[..^1] + ",\"alarms\":[\"FLOW_LOW\"]}" },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":1,\"note\":2") },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":1,\"n\\u006fte\":1") },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":{\"a\":1,\"a\":1}") },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":{\"a\":{\"b\":1},\"a\":null}") },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":[{\"a\":1},{\"b\":[{\"c\":1,\"d\":{},\"c\":2}]}]") },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":{\"x\":{\"y\":{\"z\":{\"q\":1,\"q\":1}}}}") },
        { EventTopic, Json(Event)[..^1] + ",\"detail\":\"M\"}" },
        { EventTopic, Json(Event)[..^1] + ",\"event\":\"PAUSE\"}" },
        { StatusTopic, "{\"online\":false,\"online\":false}" },
        { StatusTopic, "{\"online\":true,\"online\":false}" },
        { StatusTopic, Json(Status)[..^1] + ",\"protocol\":2}" },
    };

    /// <summary>Payloads with unknown members the parser must skip however they are shaped.</summary>
    public static TheoryData<string, string> SkippedUnknownMembers => new()
    {
        { TelemetryTopic, Inserting(Telemetry, "\"note\":{\"seq\":\"x\",\"boot\":2,\"capConnected\":\"true\"}") },
        { TelemetryTopic, Inserting(Telemetry, "\"x\":{\"a\":1},\"y\":{\"a\":1}") },
        { TelemetryTopic, Inserting(Telemetry, "\"a\":{\"a\":{\"a\":{\"a\":1}}}") },
        { TelemetryTopic, Inserting(Telemetry, "\"list\":[{\"a\":1},{\"a\":1},[{\"a\":[]}]]") },
        { TelemetryTopic, Inserting(Telemetry, "\"SEQ\":1,\"Seq\":\"2\",\"seq \":true") },
        { TelemetryTopic, Inserting(Telemetry, "\"note\":\"Zürich ✓ 𝄞 «C3»«A9»\",\"ünïcode\":[\"日本\"]") },
        { TelemetryTopic, Inserting(Telemetry, "\"" + new string('n', 300) + "\":\"" + new string('v', 300) + "\"") },
        { TelemetryTopic, Inserting(Telemetry, "\"deep\":" + new string('[', 400) + new string(']', 400)) },
        { TelemetryTopic, Inserting(Telemetry, "\"deep\":" + string.Concat(Enumerable.Repeat("{\"a\":", 130)) + "1" + new string('}', 130)) },
        { TelemetryTopic, Inserting(Telemetry, "\"deep\":" + string.Concat(Enumerable.Repeat("[{\"a\":", 100)) + "1" + string.Concat(Enumerable.Repeat("}]", 100))) },
        { EventTopic, Inserting(Event, "\"every\":[null,true,false,-1.5e3,\"\\\"\\u0041\\n\",{},[],{\"\":\"\"}]") },
        { StatusTopic, "{\"online\":false,\"why\":{\"lost\":true,\"boot\":[\"anything\"]}}" },
        { StatusTopic, Inserting(Status, "\"controllerId\":\"CHAIR-99\"") },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void MemberOfTheWrongJsonType_IsFieldForm_AndCounted(string topic, string json)
    {
        Assert.Equal(CcpRejection.FieldForm, _parser.Parse(topic, Sequence(Bytes(json)), out var message));
        Assert.Equal(1, _counts.Rejected(CcpRejection.FieldForm, "mqtt"));
        Assert.Equal(0, _counts.Accepted("mqtt"));
        Assert.Null(message.Hello);
        Assert.Null(message.Event);
    }

    [Fact]
    public void CapConnectedAsTheStringTrue_IsNotReadAsCapOff()
    {
        var json = With(Telemetry, "capConnected", "\"true\"");

        Assert.Equal(CcpRejection.FieldForm, _parser.Parse(TelemetryTopic, Sequence(Bytes(json)), out var message));
        Assert.Null(message.Telemetry.ControllerId);
    }

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public void InvalidUtf8Anywhere_IsNotJson_InOneSegmentOrMany(string topic, string text)
    {
        var bytes = Bytes(text);

        Assert.Equal(CcpRejection.NotJson, _parser.Parse(topic, Sequence(bytes), out _));
        Assert.Equal(CcpRejection.NotJson, _parser.Parse(topic, Segmented(bytes, 1), out _));
        Assert.Equal(CcpRejection.NotJson, _parser.Parse(topic, Segmented(bytes, 7), out _));
        Assert.Equal(3, _counts.Rejected(CcpRejection.NotJson, "mqtt"));
    }

    [Theory]
    [MemberData(nameof(DuplicateNames))]
    public void NameGivenTwiceInOneObject_IsNotJson(string topic, string json)
    {
        Assert.Equal(CcpRejection.NotJson, _parser.Parse(topic, Sequence(Bytes(json)), out _));
        Assert.Equal(1, _counts.Rejected(CcpRejection.NotJson, "mqtt"));
    }

    [Theory]
    [MemberData(nameof(SkippedUnknownMembers))]
    public void UnknownMembers_AreSkippedWhateverTheirShapeAndDepth(string topic, string text)
    {
        var bytes = Bytes(text);
        Assert.InRange(bytes.Length, 1, CcpJsonWriter.MaxPayloadLength);

        Assert.Equal(CcpRejection.None, _parser.Parse(topic, Sequence(bytes), out var message));
        Assert.Equal(CcpRejection.None, _parser.Parse(topic, Segmented(bytes, 5), out var segmented));
        Assert.Equal("CHAIR-07", message.ControllerId);
        Assert.Equal(message.Telemetry, segmented.Telemetry);
        Assert.Equal(message.Online, segmented.Online);
    }

    [Theory]
    [InlineData(513)]
    [InlineData(2000)]
    public void NestingBeyondTheSizeLimit_IsOversize(int depth)
    {
        var json = Inserting(Telemetry, "\"deep\":" + new string('[', depth) + new string(']', depth));

        Assert.Equal(CcpRejection.Oversize, _parser.Parse(TelemetryTopic, Sequence(Bytes(json)), out _));
    }

    [Fact]
    public void NestedArrayInAlarms_IsFieldForm()
    {
        var json = With(Telemetry, "alarms", "[[\"FLOW_LOW\"]]");

        Assert.Equal(CcpRejection.FieldForm, _parser.Parse(TelemetryTopic, Sequence(Bytes(json)), out _));
    }

    public void Dispose() => _counts.Dispose();
}
