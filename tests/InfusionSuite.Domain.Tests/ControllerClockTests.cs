using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Tests;

/// <summary>The four cases of docs/clinical-rules.md, "Clocks": a session comes out the same whichever clock is off.</summary>
public sealed class ControllerClockTests
{
    private static readonly TimeSpan s_fourMinutes = TimeSpan.FromMinutes(4);

    private static string Truth(ClockScript script) => ClockScript.Outcome(ClockScript.Fold(script.Inputs(at => at, at => at)));

    [Fact]
    public void SlowClockStreamingLive_CapOnAndCoolingStartASecondAfterTheStart_PlaceTheCap()
    {
        var chair = new SessionScenario { DeviceClockOffset = -s_fourMinutes };
        chair.Start();
        chair.Advance(TimeSpan.FromSeconds(1));
        chair.Event(ControllerEventKind.CapOn);
        chair.Advance(TimeSpan.FromSeconds(1));

        chair.Event(ControllerEventKind.CoolingStart);

        var record = chair.Record;
        Assert.Equal(SessionStatus.PreCooling, record.Status);
        Assert.Equal(chair.Now, record.Boundaries.CapPlacedAt);
        Assert.Equal(BoundarySource.Controller, record.Boundaries.PlacementSource);
        Assert.Equal(-s_fourMinutes, record.Controller.ClockSkew.ControllerAhead);
        Assert.True(record.Controller.ClockSkew.Flagged);
    }

    [Fact]
    public void SlowClockStreamingLive_TwentySevenMinutesPreCooling_ReadsTwentySevenAndIsShort()
    {
        var script = new ClockScript(PreMinutes: 27, PostMinutes: 90);

        var record = ClockScript.Fold(script.Inputs(at => at - s_fourMinutes, at => at + TimeSpan.FromMilliseconds(40)));

        Near(TimeSpan.FromMinutes(27), record.Phase(SessionPhase.PreCooling)!.Duration!.Value);
        Assert.True(record.HasDeviation(DeviationCode.ShortPrecool));
        Assert.False(record.HasDeviation(DeviationCode.ShortPostcool));
    }

    [Fact]
    public void FastClockStreamingLive_EightySixMinutesPostCooling_IsShort()
    {
        var script = new ClockScript(PreMinutes: 31, PostMinutes: 86);

        var record = ClockScript.Fold(script.Inputs(at => at + s_fourMinutes, at => at + TimeSpan.FromMilliseconds(40)));

        Near(TimeSpan.FromMinutes(86), record.Phase(SessionPhase.PostCooling)!.Duration!.Value);
        Assert.True(record.HasDeviation(DeviationCode.ShortPostcool));
        Assert.False(record.HasDeviation(DeviationCode.ShortPrecool));
        Near(s_fourMinutes, record.Controller.ClockSkew.ControllerAhead!.Value);
    }

    [Theory]
    [InlineData(-600)]
    [InlineData(-240)]
    [InlineData(-6)]
    [InlineData(6)]
    [InlineData(240)]
    [InlineData(3600)]
    public void AnyConstantOffset_GivesTheSessionThatReallyHappened(int offsetSeconds)
    {
        foreach (var script in Scripts())
        {
            var offset = TimeSpan.FromSeconds(offsetSeconds);

            var skewed = ClockScript.Fold(script.Inputs(at => at + offset, at => at));

            Assert.Equal(Truth(script), ClockScript.Outcome(skewed));
            Assert.True(skewed.Controller.ClockSkew.Flagged);
            Assert.Equal(0, skewed.Controller.ClockSkew.Steps);
        }
    }

    [Theory]
    [InlineData(-600, 20)]
    [InlineData(600, 20)]
    [InlineData(-600, 100)]
    [InlineData(600, 100)]
    [InlineData(-1800, 140)]
    [InlineData(1800, 140)]
    public void ClockStepsMidSession_NoDeviationCreatedOrHidden_AndTheStepIsReported(int stepSeconds, int stepAtMinute)
    {
        foreach (var script in Scripts())
        {
            var stepAt = ClockScript.T0 + TimeSpan.FromMinutes(stepAtMinute);
            var step = TimeSpan.FromSeconds(stepSeconds);

            var stepped = ClockScript.Fold(script.Inputs(at => at < stepAt ? at : at + step, at => at));

            Assert.Equal(Truth(script), ClockScript.Outcome(stepped));
            Assert.Equal(stepAt < script.CapOffAt ? 1 : 0, stepped.Controller.ClockSkew.Steps);
            Assert.Equal(stepAt < script.CapOffAt, stepped.Controller.ClockSkew.Flagged);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-240)]
    [InlineData(240)]
    public void CutOffControllerUploadsItsStoredMessagesLater_TimestampsStand(int offsetSeconds)
    {
        foreach (var script in Scripts())
        {
            var offset = TimeSpan.FromSeconds(offsetSeconds);
            var cutOff = ClockScript.T0 + TimeSpan.FromMinutes(10);
            var back = ClockScript.T0 + TimeSpan.FromMinutes(script.PreMinutes + script.InfusionMinutes + script.PostMinutes + 4);

            var uploaded = ClockScript.Fold(script.Inputs(
                at => at + offset,
                at => at >= cutOff && at < back ? back + TimeSpan.FromTicks((at - cutOff).Ticks / 100_000) : at));

            Assert.Equal(Truth(script), ClockScript.Outcome(uploaded));
        }
    }

    [Fact]
    public void ReplayOfAPastSessionWithBackDatedNurseEntries_ComesOutAsLive()
    {
        foreach (var script in Scripts())
        {
            var replayedAt = ClockScript.T0 + TimeSpan.FromDays(3);

            var replayed = ClockScript.Fold(script.Inputs(at => at, _ => replayedAt, _ => replayedAt));

            Assert.Equal(Truth(script), ClockScript.Outcome(replayed));
            Assert.False(replayed.Controller.ClockSkew.Flagged);
        }
    }

    private static void Near(TimeSpan expected, TimeSpan actual) =>
        Assert.InRange(actual, expected - TimeSpan.FromMilliseconds(50), expected + TimeSpan.FromMilliseconds(50));

    private static IEnumerable<ClockScript> Scripts() =>
    [
        new ClockScript(PreMinutes: 30, PostMinutes: 90),
        new ClockScript(PreMinutes: 27, PostMinutes: 90),
        new ClockScript(PreMinutes: 30, PostMinutes: 86),
        new ClockScript(PreMinutes: 45, InfusionMinutes: 20, PostMinutes: 20, SampleSeconds: 1),
    ];
}
