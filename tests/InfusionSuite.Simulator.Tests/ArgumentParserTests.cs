using InfusionSuite.Simulator.Cli;

namespace InfusionSuite.Simulator.Tests;

public sealed class ArgumentParserTests
{
    [Fact]
    public void MqttCommand_FromTheIssue_Parses()
    {
        var (parsed, error) = ArgumentParser.Parse(
            ["mqtt", "--broker", "127.0.0.1:1883", "--site", "demo", "--controllers", "3", "--scenario", "normal", "--time-scale", "60", "--seed", "1"]);

        Assert.Null(error);
        Assert.Equal(
            (CommandKind.Mqtt, "127.0.0.1", 1883, "demo", 3, "normal", 60.0, 1),
            (parsed!.Command, parsed.BrokerHost, parsed.BrokerPort, parsed.Site, parsed.Controllers, parsed.Scenario, parsed.TimeScale, parsed.Seed));
    }

    [Fact]
    public void SerialCommand_RunsOneControllerPerPort()
    {
        var (parsed, _) = ArgumentParser.Parse(["serial", "--port", "/dev/ttyUSB0", "--port", "/dev/ttyUSB1", "--scenario", "fault", "--start", "2026-11-27T08:00:00Z"]);

        Assert.Equal(["/dev/ttyUSB0", "/dev/ttyUSB1"], parsed!.Ports);
        Assert.Equal(2, parsed.Controllers);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero), parsed.Start);
    }

    [Fact]
    public void ClockOptions_GiveTheControllersClockError()
    {
        var (parsed, error) = ArgumentParser.Parse(["mqtt", "--broker", "localhost", "--site", "demo", "--clock-skew", "-240", "--clock-step", "-600@20"]);

        Assert.Null(error);
        Assert.Equal(TimeSpan.FromMinutes(-4), parsed!.ClockError.Skew);
        Assert.Equal(TimeSpan.FromMinutes(20), parsed.ClockError.StepAfter);
        Assert.Equal(TimeSpan.FromMinutes(-10), parsed.ClockError.StepBy);
        var poweredOn = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(poweredOn.AddMinutes(10).AddMinutes(-4), parsed.ClockError.Apply(poweredOn.AddMinutes(10), poweredOn));
        Assert.Equal(poweredOn.AddMinutes(30).AddMinutes(-14), parsed.ClockError.Apply(poweredOn.AddMinutes(30), poweredOn));
    }

    [Theory]
    [InlineData("mqtt --broker localhost --site demo --clock-skew 90000", "--clock-skew must be a number from -86400 to 86400")]
    [InlineData("mqtt --broker localhost --site demo --clock-step 600", "--clock-step must be SECONDS@MIN")]
    [InlineData("mqtt --broker localhost --site demo --clock-step 0@20", "--clock-step must be SECONDS@MIN")]
    [InlineData("fly", "unknown command 'fly'")]
    [InlineData("mqtt --site demo", "mqtt needs --broker HOST:PORT")]
    [InlineData("mqtt --broker localhost", "mqtt needs --site SITE")]
    [InlineData("mqtt --broker localhost:99999 --site demo", "--broker port must be a whole number from 1 to 65535")]
    [InlineData("mqtt --broker localhost --site Demo", "--site must be 1–32 of a-z 0-9 -")]
    [InlineData("mqtt --broker localhost --site demo --controllers 0", "--controllers must be a whole number from 1 to 100")]
    [InlineData("mqtt --broker localhost --site demo --time-scale fast", "--time-scale must be a number")]
    [InlineData("mqtt --broker localhost --site demo --seed", "--seed needs a value")]
    [InlineData("mqtt --broker localhost --site demo --colour", "unknown option '--colour'")]
    [InlineData("serial --scenario normal", "serial needs --port PATH")]
    [InlineData("serial --port /dev/ttyA --controllers 2", "one controller per --port")]
    [InlineData("serial --port /dev/ttyA --start yesterday", "--start must be an ISO 8601 instant")]
    public void BadArguments_SayWhatIsWrong(string commandLine, string expected)
    {
        var (parsed, error) = ArgumentParser.Parse(commandLine.Split(' '));

        Assert.Null(parsed);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
