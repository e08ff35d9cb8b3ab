using InfusionSuite.Application.Ehr;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// The note to the EHR (<see cref="SessionSummaryText"/>) says what the record says, once: pre-cooling the minutes
/// the controller was cooling (the figure SHORT_PRECOOL uses), a stop's reason once, a clock step in plain words.
/// </summary>
public sealed class SessionNoteWordsTests
{
    [Fact]
    public void CapPlacedElevenMinutesBeforeCooling_NoteAndDeviationGiveTheSamePreCoolingMinutes()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.Event(ControllerEventKind.CapOn);
        chair.Sample(ControllerState.Prechill, coolant: 2.0m, scalp: 33.0m);
        chair.PlaceCap();
        chair.State = ControllerState.Prechill;
        chair.Run(TimeSpan.FromMinutes(11));
        chair.Event(ControllerEventKind.CoolingStart);
        chair.State = ControllerState.Cooling;
        chair.Run(TimeSpan.FromMinutes(22));

        chair.StartInfusion();

        var note = SessionSummaryText.For(chair.Record);
        Assert.Contains("Pre-cooling 22 of 30 min (11 min not cooling not counted)", note, StringComparison.Ordinal);
        Assert.Contains("Pre-cooled 22 of 30 min", note, StringComparison.Ordinal);
        Assert.Contains("No interruptions.", note, StringComparison.Ordinal);
        Assert.DoesNotContain("Cooling interrupted", note, StringComparison.Ordinal);
    }

    [Fact]
    public void StoppedForAHeadache_TheReasonIsSaidOnce()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.Minutes(20);

        chair.Abort(AbortReason.Headache);

        var note = SessionSummaryText.For(chair.Record);
        Assert.Contains("Stopped early (headache) after", note, StringComparison.Ordinal);
        Assert.DoesNotContain("Stopped early: Stopped", note, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(note, "headache"));
    }

    [Fact]
    public void ClockSteppedOnce_SaysOnce()
    {
        Assert.Contains("stepped once", new ClockSkewSummary(TimeSpan.FromMinutes(3), 0, Steps: 1).Warning, StringComparison.Ordinal);
        Assert.Contains("stepped 2 times", new ClockSkewSummary(TimeSpan.FromMinutes(3), 0, Steps: 2).Warning, StringComparison.Ordinal);
    }
}
