using InfusionSuite.Application.Ehr;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// One rounding rule for durations shown and compared (issue 13: "59:59.9 reads infusion 59 min"; "post-cooling 89 of 90"
/// came with no deviation): whole minutes, a minute begun counts, so the figure shown and the deviation never disagree
/// (docs/clinical-rules.md, "Minutes: one rounding rule").
/// </summary>
public sealed class WholeMinutesTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(59_999, 1)]
    [InlineData(60_000, 1)]
    [InlineData(60_001, 2)]
    [InlineData(3_599_900, 60)]
    [InlineData(5_340_000, 89)]
    [InlineData(5_340_500, 90)]
    public void AMinuteBegunCounts(long milliseconds, int minutes) =>
        Assert.Equal(minutes, WholeMinutes.Of(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData(3_599_900, "60.00")]
    [InlineData(239_400, "3.99")]
    [InlineData(239_401, "4.00")]
    [InlineData(5_400_000, "90.00")]
    public void TheEhrsDecimals_TakeTheSameRule(long milliseconds, string minutes) =>
        Assert.Equal(decimal.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture), WholeMinutes.Hundredths(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void InfusionOfFiftyNineMinutesFiftyNinePointNine_ReadsSixtyMinutes()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.Advance(TimeSpan.FromMinutes(60) - TimeSpan.FromMilliseconds(100));
        chair.EndInfusion();

        Assert.Contains("infusion 60 min", SessionSummaryText.For(chair.Record), StringComparison.Ordinal);
    }

    /// <summary>Whatever the seconds, the post-cooling shown ("Post-cooled X of 90") and SHORT_POSTCOOL agree: short exactly when X &lt; 90, by 90 − X.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(30)]
    [InlineData(59.999)]
    [InlineData(60)]
    [InlineData(60.5)]
    [InlineData(89.5)]
    [InlineData(90)]
    [InlineData(119.999)]
    [InlineData(120)]
    [InlineData(600.25)]
    public void PhaseShownShortOfItsTarget_AlwaysComesWithTheDeviation_OnTargetNever(double secondsShort)
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.Advance(TimeSpan.FromMinutes(90) - TimeSpan.FromSeconds(secondsShort));
        chair.Event(ControllerEventKind.CoolingStop);
        chair.Minutes(5);
        chair.Event(ControllerEventKind.CapOff);

        var record = chair.Record;
        var shown = WholeMinutes.Of(record.Phase(SessionPhase.PostCooling)!.Duration!.Value);
        var note = SessionSummaryText.For(record);
        Assert.Contains($"post-cooling {shown} of 90 min", note, StringComparison.Ordinal);
        var deviation = record.Deviations.SingleOrDefault(d => d.Code == DeviationCode.ShortPostcool);
        Assert.Equal(shown < 90, deviation is not null);
        if (deviation is not null)
        {
            Assert.Equal(90 - shown, deviation.Minutes);
            Assert.StartsWith($"Post-cooled {shown} of 90 min", deviation.Detail, StringComparison.Ordinal);
        }
    }

    /// <summary>The same for the interruption threshold: INTERRUPTED exactly when the minutes shown are more than 5.</summary>
    [Theory]
    [InlineData(300_000, false)]
    [InlineData(300_001, true)]
    [InlineData(320_000, true)]
    public void InterruptionShownOverFiveMinutes_AlwaysComesWithTheDeviation(long pausedMilliseconds, bool interrupted)
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.Minutes(10);
        chair.Event(ControllerEventKind.Pause);
        chair.Advance(TimeSpan.FromMilliseconds(pausedMilliseconds));
        chair.Event(ControllerEventKind.Resume);
        chair.Minutes(10);

        var record = chair.Record;
        Assert.Equal(interrupted, record.HasDeviation(DeviationCode.Interrupted));
        Assert.Equal(interrupted, WholeMinutes.Of(record.Interruptions.Total) > 5);
    }
}
