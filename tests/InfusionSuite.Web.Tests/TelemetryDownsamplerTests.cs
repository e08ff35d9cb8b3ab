using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Web.Sessions;

namespace InfusionSuite.Web.Tests;

/// <summary>The chart gets at most the configured number of points: means of consecutive samples, alarms kept.</summary>
public sealed class TelemetryDownsamplerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ThreeAndAHalfHoursAtOneHertz_BecomeAtMostSixHundredAveragedPoints()
    {
        var samples = Enumerable.Range(0, 12_600).Select(i => Sample(i, coolant: (short)(i % 2 == 0 ? -40 : -50), alarms: i == 7_001 ? ControllerAlarms.FlowLow : 0)).ToList();

        var points = TelemetryDownsampler.Downsample(samples, 600);

        Assert.Equal(600, points.Count);
        Assert.All(points, p => Assert.Equal(-4.5m, p.Coolant));
        Assert.Equal(Start, points[0].At);
        Assert.Single(points, p => p.Alarms.Contains("FLOW_LOW"));
    }

    [Fact]
    public void FewerSamplesThanPoints_AreKeptAsTheyAre()
    {
        var samples = Enumerable.Range(0, 10).Select(i => Sample(i, (short)(-i * 10), 0)).ToList();

        var points = TelemetryDownsampler.Downsample(samples, 600);

        Assert.Equal(samples.Select(s => s.Coolant.Celsius), points.Select(p => p.Coolant));
    }

    private static SessionSample Sample(int i, short coolant, ControllerAlarms alarms) =>
        new(Start.AddSeconds(i), ControllerState.Cooling, true, new Temperature(coolant), new Temperature(180), alarms);
}
