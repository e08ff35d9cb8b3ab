using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// Stored samples read back for the chart (and <c>GET /api/sessions/{id}/telemetry</c>) are put on the session's timeline
/// with the same correction as its events (<see cref="ScalpCoolingSessionRecord.OnServerClock"/>): a skewed or stepped
/// controller clock does not move the curve away from the boundaries.
/// </summary>
public sealed class ChartClockTests
{
    [Theory]
    [InlineData(-240)]
    [InlineData(300)]
    [InlineData(-7200 + 60)]
    public void SkewedClockStreamingLive_EverySampleReadsAtTheInstantItWasTaken(int offsetSeconds)
    {
        var chair = new SessionScenario { DeviceClockOffset = TimeSpan.FromSeconds(offsetSeconds) };
        chair.Start();
        chair.Minutes(2);
        var samples = new List<(TelemetrySample Sample, DateTimeOffset TakenAt)>();
        for (var i = 0; i < 20; i++)
        {
            chair.Advance(TimeSpan.FromSeconds(30));
            var sample = chair.NewSample();
            chair.Apply(new TelemetryReceived(chair.Now, sample));
            samples.Add((sample, chair.Now));
        }

        var record = chair.Record;
        Assert.All(samples, s => Assert.Equal(s.TakenAt, record.OnServerClock(s.Sample.Boot, s.Sample.Seq, s.Sample.Timestamp)));
    }

    [Fact]
    public void ClockSteppedBackMidSession_SamplesOnBothSidesOfTheStepReadAtTheirInstants()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        var before = Stream(chair, 10);
        chair.DeviceClockOffset = TimeSpan.FromMinutes(-10);
        var after = Stream(chair, 10);

        var record = chair.Record;
        Assert.Equal(1, record.Controller.ClockSkew.Steps);
        Assert.All(before.Concat(after), s => Assert.Equal(s.TakenAt, record.OnServerClock(s.Sample.Boot, s.Sample.Seq, s.Sample.Timestamp)));
    }

    [Fact]
    public void ClockRight_NoCorrection()
    {
        var chair = new SessionScenario();
        chair.RunCompleteSession();

        Assert.Empty(chair.Record.ClockCorrections);
    }

    private static List<(TelemetrySample Sample, DateTimeOffset TakenAt)> Stream(SessionScenario chair, int count)
    {
        var samples = new List<(TelemetrySample, DateTimeOffset)>();
        for (var i = 0; i < count; i++)
        {
            chair.Advance(TimeSpan.FromSeconds(5));
            var sample = chair.NewSample();
            chair.Apply(new TelemetryReceived(chair.Now, sample));
            samples.Add((sample, chair.Now));
        }

        return samples;
    }
}
