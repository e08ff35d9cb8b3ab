using System.Text;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Tests;

public sealed class CcpJsonWriterTests
{
    [Fact]
    public void Telemetry_IsTheSpecExamplePayload() =>
        Assert.Equal(SpecExamples.TelemetryJson, Text(CcpJsonWriter.Telemetry(SpecExamples.Telemetry1042)));

    [Fact]
    public void Event_IsTheSpecExamplePayload() =>
        Assert.Equal(SpecExamples.CalibratedJson, Text(CcpJsonWriter.Event(SpecExamples.Calibrated)));

    [Fact]
    public void Online_IsTheSpecExamplePayload() =>
        Assert.Equal(SpecExamples.OnlineJson, Text(CcpJsonWriter.Online(SpecExamples.Hello)));

    [Fact]
    public void Offline_IsTheLastWill() =>
        Assert.Equal("""{"online":false}""", Text(CcpJsonWriter.Offline()));

    [Fact]
    public void Telemetry_WholeDegreesKeepTheirDecimal_AlarmsByName_NoScalpSensorIsNull()
    {
        var sample = SpecExamples.Telemetry1042 with { CoolantC = new Temperature(-40), ScalpC = null, Alarms = ControllerAlarms.FlowLow | (ControllerAlarms)0x0080 };

        var json = Text(CcpJsonWriter.Telemetry(sample));

        Assert.Contains("\"coolantC\":-4.0,\"scalpC\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"alarms\":[\"FLOW_LOW\",\"UNKNOWN_0x0080\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void EventWithoutDetail_WritesNullDetail() =>
        Assert.EndsWith("\"event\":\"COOLING_START\",\"detail\":null}", Text(CcpJsonWriter.Event(SpecExamples.CoolingStart)), StringComparison.Ordinal);

    [Fact]
    public void Topics_FollowTheSpec()
    {
        Assert.Equal("ccp/v1/north-wing/CHAIR-07/telemetry", CcpTopics.Telemetry("north-wing", "CHAIR-07"));
        Assert.Equal("ccp/v1/north-wing/CHAIR-07/event", CcpTopics.Event("north-wing", "CHAIR-07"));
        Assert.Equal("site/a/b/b_1/status", CcpTopics.Status("b", "b_1", "site/a"));
        Assert.Equal("ccp/v1/+/+/+", CcpTopics.AllControllers());
        Assert.Throws<ArgumentException>(() => CcpTopics.Telemetry("North", "CHAIR-07"));
        Assert.Throws<ArgumentException>(() => CcpTopics.Telemetry("north", "CHAIR/07"));
    }

    private static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}
