using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

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

    /// <summary>
    /// The trial's fault: a session's messages uploaded (or replayed) with no live message of their boot
    /// before them, at full speed, in chunks or in a trickle, start no clock estimate: the controller's ts
    /// stand, as in the same upload days later, whatever the pace (for a true clock: the session as it was).
    /// </summary>
    [Theory]
    [InlineData("full", 0)]
    [InlineData("chunks", 0)]
    [InlineData("trickle", 0)]
    [InlineData("slow trickle", 0)]
    [InlineData("full", 240)]
    [InlineData("chunks", -240)]
    [InlineData("trickle", 240)]
    [InlineData("slow trickle", -240)]
    public void StoredMessagesUploadedWithNoLiveMessageBefore_AnyPace_StartNoClockEstimate(string pace, int offsetSeconds)
    {
        foreach (var script in Scripts())
        {
            var offset = TimeSpan.FromSeconds(offsetSeconds);
            var uploadAt = script.CapOffAt + TimeSpan.FromMinutes(10);
            var daysLater = script.CapOffAt + TimeSpan.FromDays(3);

            var uploaded = ClockScript.Fold(script.Inputs(at => at + offset, Upload(pace, uploadAt, script.SampleSeconds), _ => uploadAt - TimeSpan.FromSeconds(1)));
            var standing = ClockScript.Fold(script.Inputs(at => at + offset, Upload("full", daysLater, script.SampleSeconds), _ => daysLater - TimeSpan.FromSeconds(1)));

            Assert.Equal(ClockScript.Outcome(standing), ClockScript.Outcome(uploaded));
            Assert.Null(uploaded.Controller.ClockSkew.ControllerAhead);
            Assert.Equal(0, uploaded.Controller.ClockSkew.Steps);
            if (offsetSeconds == 0)
            {
                Assert.Equal(Truth(script), ClockScript.Outcome(uploaded));
            }
        }
    }

    /// <summary>
    /// Full speed: a stored sample and the events of the same instant, published a fraction of a millisecond
    /// apart, an hour after they happened. Their ts and arrivals advance alike over a millisecond, which is no
    /// pace to judge: no estimate starts, and the CAP_OFF stays at its own time, not at the upload's.
    /// </summary>
    [Fact]
    public void StoredEventsOfOneInstantUploadedAtFullSpeed_StartNoClockEstimate()
    {
        var t = ClockScript.T0 + TimeSpan.FromMinutes(40);
        var upload = t + TimeSpan.FromHours(1);
        var ms = TimeSpan.FromMilliseconds(1);
        var session = new ScalpCoolingSession();
        session.Apply(new StartSession(ClockScript.T0, SessionScenario.NurseId, SessionScenario.Plan()));
        uint seq = 0;
        TelemetrySample Sample(DateTimeOffset ts, bool cap) => new(
            SessionScenario.ControllerId, SessionScenario.FirstBoot, seq++, ts, ControllerState.Cooling,
            Temperature.FromCelsius(-4.0m), Temperature.FromCelsius(18.0m), 600, cap, ControllerAlarms.None);
        DeviceEventReceived Event(DateTimeOffset arrival, DateTimeOffset ts, ControllerEventKind kind) =>
            new(arrival, new ControllerEvent(SessionScenario.ControllerId, SessionScenario.FirstBoot, seq++, ts, kind, null));

        session.Apply(new TelemetryReceived(upload, Sample(t, cap: true)));
        session.Apply(Event(upload + ms, t + ms, ControllerEventKind.CoolingStop));
        session.Apply(Event(upload + (2 * ms), t + (2 * ms), ControllerEventKind.CapOff));
        session.Apply(new TelemetryReceived(upload + (3 * ms), Sample(t + (3 * ms), cap: false)));

        var record = session.ToRecord();
        Assert.Null(record.Controller.ClockSkew.ControllerAhead);
        Assert.Equal(0, record.Controller.ClockSkew.Steps);
        Assert.Equal(t + (3 * ms), record.Controller.LatestSampleAt);
    }

    /// <summary>A replay of a past session at exactly its own pace, hours later, is still a replay: older than the clock limit, it starts no estimate.</summary>
    [Fact]
    public void ReplayAtItsOwnPaceHoursLater_StartsNoClockEstimate()
    {
        foreach (var script in Scripts())
        {
            var replayAt = script.CapOffAt + TimeSpan.FromHours(3);

            var replayed = ClockScript.Fold(script.Inputs(at => at, Upload("own pace", replayAt, script.SampleSeconds), _ => replayAt - TimeSpan.FromSeconds(1)));

            Assert.Equal(Truth(script), ClockScript.Outcome(replayed));
            Assert.Null(replayed.Controller.ClockSkew.ControllerAhead);
        }
    }

    /// <summary>A controller heard live, then cut off for an hour, uploads what it stored at any pace while it streams live again: its live estimate stands, the stored ts are placed by it.</summary>
    [Theory]
    [InlineData("full", 0)]
    [InlineData("chunks", 240)]
    [InlineData("trickle", -240)]
    [InlineData("slow trickle", 240)]
    [InlineData("chunks", -240)]
    public void CutOffControllerUploadsAtAnyPace_TimestampsStand(string pace, int offsetSeconds)
    {
        foreach (var script in Scripts())
        {
            var offset = TimeSpan.FromSeconds(offsetSeconds);
            var cutOff = ClockScript.T0 + TimeSpan.FromMinutes(10);
            var back = cutOff + TimeSpan.FromMinutes(60);
            var upload = Upload(pace, back, script.SampleSeconds, cutOff);

            var uploaded = ClockScript.Fold(script.Inputs(at => at + offset, at => at >= cutOff && at < back ? upload(at) : at));

            Assert.Equal(Truth(script), ClockScript.Outcome(uploaded));
            Assert.Equal(0, uploaded.Controller.ClockSkew.Steps);
        }
    }

    /// <summary>
    /// When stored messages (server time <paramref name="from"/> on) arrive, from <paramref name="uploadAt"/>: at
    /// full speed; in chunks of ten samples, a sample period apart (the chunk's edges at the pace of their ts);
    /// in a trickle at twice or ten times real time; or at their own pace.
    /// </summary>
    private static Func<DateTimeOffset, DateTimeOffset> Upload(string pace, DateTimeOffset uploadAt, double sampleSeconds, DateTimeOffset? from = null)
    {
        var origin = from ?? ClockScript.T0;
        var chunk = TimeSpan.FromSeconds(sampleSeconds * 10);
        return pace switch
        {
            "full" => at => uploadAt + TimeSpan.FromTicks((at - origin).Ticks / 100_000),
            "chunks" => at =>
            {
                var k = (at - origin).Ticks / chunk.Ticks;
                return uploadAt + TimeSpan.FromSeconds(sampleSeconds * k) + TimeSpan.FromTicks(((at - origin).Ticks - (k * chunk.Ticks)) / 100_000);
            },
            "trickle" => at => uploadAt + ((at - origin) / 2),
            "slow trickle" => at => uploadAt + ((at - origin) / 10),
            "own pace" => at => uploadAt + (at - origin),
            _ => throw new ArgumentOutOfRangeException(nameof(pace)),
        };
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
