using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Tests;

public sealed class CcpSerialWriterTests
{
    [Fact]
    public void Hello_IsTheSpecExampleLine() =>
        Assert.Equal(SpecExamples.HelloLine, CcpSerialWriter.Format(SpecExamples.Hello));

    [Fact]
    public void Telemetry_AreTheSpecExampleLines()
    {
        Assert.Equal(SpecExamples.Telemetry1042Line, CcpSerialWriter.Format(SpecExamples.Telemetry1042));
        Assert.Equal(SpecExamples.Telemetry1043Line, CcpSerialWriter.Format(SpecExamples.Telemetry1043));
    }

    [Fact]
    public void Events_AreTheSpecExampleLines_WithAnEmptyDetailFieldWhenThereIsNone()
    {
        Assert.Equal(SpecExamples.CoolingStartLine, CcpSerialWriter.Format(SpecExamples.CoolingStart));
        Assert.Equal(SpecExamples.CalibratedLine, CcpSerialWriter.Format(SpecExamples.Calibrated));
    }

    [Fact]
    public void Query_HasItsChecksum() =>
        Assert.Equal("$CCQ,HELLO*3F\r\n"u8.ToArray(), CcpSerialWriter.Query.ToArray());

    [Fact]
    public void Telemetry_WithoutScalpSensorAndReservedAlarmBits_WritesEmptyFieldAndAllBits()
    {
        var sample = SpecExamples.Telemetry1042 with { ScalpC = null, CoolantC = new Temperature(-4), Alarms = (ControllerAlarms)0x8041 };

        var line = CcpSerialWriter.Format(sample);

        Assert.Contains(",COOLING,-0.4,,620,1,8041*", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Telemetry_TimestampWithOffset_IsWrittenInUtc()
    {
        var sample = SpecExamples.Telemetry1042 with { Timestamp = new DateTimeOffset(2026, 11, 27, 10, 14, 3, 250, TimeSpan.FromHours(1)) };

        Assert.Equal(SpecExamples.Telemetry1042Line, CcpSerialWriter.Format(sample));
    }

    [Theory]
    [InlineData("CHAIR,07")]
    [InlineData("")]
    [InlineData("CHAIR*07")]
    [InlineData("ÄCHAIR")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void ControllerIdOutOfForm_IsRefused(string controllerId) =>
        Assert.Throws<ArgumentException>(() => CcpSerialWriter.Format(SpecExamples.Telemetry1042 with { ControllerId = controllerId }));

    [Fact]
    public void DestinationTooSmall_IsRefused() =>
        Assert.Throws<ArgumentException>(() => CcpSerialWriter.Write(SpecExamples.Hello, new byte[20]));
}
