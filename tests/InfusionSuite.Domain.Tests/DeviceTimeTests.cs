using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// Cooling continuity and every deviation are judged on the controller's own (skew-corrected) times,
/// never on when its messages arrived nor on the link's offline marks (docs/clinical-rules.md, "Clocks"
/// and "Interruptions"): each case is compared with the same session heard live, in order.
/// </summary>
public sealed class DeviceTimeTests
{
    private static readonly TimeSpan s_linkDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_eventTopicDelay = TimeSpan.FromMilliseconds(900);

    private static string Truth(ClockScript script) => ClockScript.Outcome(ClockScript.Fold(script.Inputs(at => at, at => at)));

    /// <summary>Events travel on their own topic: each one is overtaken by the sample half a second after it.</summary>
    private static DateTimeOffset OvertakenEvents(DateTimeOffset at) => at + (at.Millisecond == 0 ? s_eventTopicDelay : s_linkDelay);

    [Theory]
    [InlineData(1.1)]
    [InlineData(5.5)]
    [InlineData(40)]
    public void CutOffControllerUploadsWhatItStored_OfflineTimeItsRecordCoversIsNoInterruption(double cutOffMinutes)
    {
        foreach (var script in Scripts())
        {
            var cutOff = ClockScript.T0 + TimeSpan.FromMinutes(script.PreMinutes + 20);
            var back = cutOff + TimeSpan.FromMinutes(cutOffMinutes);
            var inputs = script.Inputs(at => at, at => at >= cutOff && at < back ? back + TimeSpan.FromTicks((at - cutOff).Ticks / 100_000) : at);
            var marked = WithLink(inputs, (cutOff + TimeSpan.FromSeconds(10), false), (back, true));

            var uploaded = ClockScript.Fold(marked);

            Assert.Equal(Truth(script), ClockScript.Outcome(uploaded));
            Assert.Equal(0, uploaded.Interruptions.Count);
        }
    }

    [Fact]
    public void CutOffControllerThatLostWhatItStored_OfflineTimeStillCounts()
    {
        var script = new ClockScript(PreMinutes: 30, InfusionMinutes: 60, PostMinutes: 90, SampleSeconds: 1);
        var cutOff = ClockScript.T0 + TimeSpan.FromMinutes(50);
        var back = cutOff + TimeSpan.FromMinutes(6);
        var lost = script.Inputs(at => at, at => at).Where(i => i.ReceivedAt < cutOff || i.ReceivedAt >= back || i is NurseAction).ToList();

        var record = ClockScript.Fold(WithLink(lost, (cutOff + TimeSpan.FromSeconds(10), false), (back, true)));

        Assert.True(record.HasDeviation(DeviationCode.Interrupted));
        Assert.InRange(record.Interruptions.Total, TimeSpan.FromMinutes(5.8), TimeSpan.FromMinutes(6));
    }

    [Fact]
    public void EventsOvertakenBySamplesOnAnotherTopic_GiveTheSessionHeardInOrder()
    {
        foreach (var script in Scripts())
        {
            var overtaken = ClockScript.Fold(script.Inputs(at => at, OvertakenEvents));

            Assert.Equal(Truth(script), ClockScript.Outcome(overtaken));
            Assert.Equal(0, overtaken.Interruptions.Count);
        }
    }

    [Fact]
    public void ReplayWhoseEventsComeAfterLaterSamples_InfusionExactlyAtTarget_NoShortPrecoolNoInterruption()
    {
        // The late start is entered first (the writer then hands it what its controller sent), the other entries after the burst.
        var script = new ClockScript(PreMinutes: 30, InfusionMinutes: 60, PostMinutes: 90, SampleSeconds: 1);
        var replayedAt = ClockScript.T0 + TimeSpan.FromDays(2);

        // A burst a thousand times faster than it happened; each event comes after the next 30 samples.
        DateTimeOffset Burst(DateTimeOffset at) => replayedAt + ((at - ClockScript.T0) / 1000) + (at.Millisecond == 0 ? TimeSpan.FromMilliseconds(30) : TimeSpan.Zero);

        var replayed = ClockScript.Fold(script.Inputs(at => at, Burst, at => at == ClockScript.T0 ? replayedAt - TimeSpan.FromSeconds(1) : replayedAt + TimeSpan.FromMinutes(1)));

        Assert.Equal(Truth(script), ClockScript.Outcome(replayed));
        Assert.Equal(TimeSpan.FromMinutes(30), replayed.Phase(SessionPhase.PreCooling)!.Duration);
        Assert.False(replayed.HasDeviation(DeviationCode.ShortPrecool));
        Assert.Equal(0, replayed.Interruptions.Count);
    }

    [Theory]
    [InlineData(-600, 20)]
    [InlineData(900, 20)]
    [InlineData(-600, 100)]
    [InlineData(300, 150)]
    public void ClockStepWithRealNetworkDelays_LeavesNoPhantomInterruption(int stepSeconds, int stepAtMinute)
    {
        foreach (var script in Scripts())
        {
            var stepAt = ClockScript.T0 + TimeSpan.FromMinutes(stepAtMinute) + TimeSpan.FromMilliseconds(250);
            var step = TimeSpan.FromSeconds(stepSeconds);

            var stepped = ClockScript.Fold(script.Inputs(at => at < stepAt ? at : at + step, OvertakenEvents));

            var truth = ClockScript.Fold(script.Inputs(at => at, at => at));
            Assert.Equal(0, stepped.Interruptions.Count);
            Assert.Equal(truth.Deviations.Select(d => d.Code), stepped.Deviations.Select(d => d.Code));
            Assert.Equal(truth.Status, stepped.Status);
        }
    }

    /// <summary>The inputs with the link's offline and online marks put in at their (server) instants.</summary>
    private static List<SessionInput> WithLink(List<SessionInput> inputs, params (DateTimeOffset At, bool Online)[] marks)
    {
        var result = new List<SessionInput>(inputs);
        foreach (var (at, online) in marks)
        {
            var index = result.FindIndex(i => i.ReceivedAt > at);
            result.Insert(index < 0 ? result.Count : index, online ? new ControllerCameOnline(at) : new ControllerWentOffline(at));
        }

        return result;
    }

    private static IEnumerable<ClockScript> Scripts() =>
    [
        new ClockScript(PreMinutes: 30, InfusionMinutes: 60, PostMinutes: 90, SampleSeconds: 1),
        new ClockScript(PreMinutes: 27, InfusionMinutes: 60, PostMinutes: 86, SampleSeconds: 5),
    ];
}
