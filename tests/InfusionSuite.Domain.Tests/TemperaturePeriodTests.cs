using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// The temperature summaries cover the session's own period as it stands now: taken again when its end
/// moves (a later CAP_OFF after the nurse's "cap removed", a back-dated "cap removed"), whatever came first.
/// </summary>
public sealed class TemperaturePeriodTests
{
    /// <summary>
    /// An aborted session keeps listening until the CAP_OFF (the performed period runs to it), but its temperature
    /// summaries stop at the abort: the period they state is the one they were taken from (trial of issue 13).
    /// </summary>
    [Fact]
    public void AbortedThenCapOff_TheSummariesStatedPeriodEndsAtTheAbort_AsTheirValuesDo()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.RunMinutes(20);
        var abortedAt = chair.Now;
        chair.Abort();
        var atAbort = chair.Record.Temperatures;
        chair.Minutes(1);
        Assert.True(chair.Sample(ControllerState.Cooling, coolant: 9.0m, scalp: 31.0m).IsAccepted);
        chair.Event(ControllerEventKind.CoolingStop);
        chair.Minutes(4);
        chair.Event(ControllerEventKind.CapOff);

        var record = chair.Record;
        Assert.Equal(chair.Now, record.PerformedPeriod!.Value.End);
        Assert.Equal((atAbort.Coolant, atAbort.Scalp), (record.Temperatures.Coolant, record.Temperatures.Scalp));
        Assert.Equal(new TimeInterval(record.StartedAt, abortedAt), record.Temperatures.Period);
    }

    [Fact]
    public void CompletedSession_TheSummariesStatedPeriodIsStartToEnd_RunningSessionStatesNone()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        Assert.Null(chair.Record.Temperatures.Period);
        chair.Minutes(60);
        chair.EndInfusion();
        chair.RunMinutes(90);
        chair.Event(ControllerEventKind.CoolingStop);
        chair.Minutes(5);
        chair.Event(ControllerEventKind.CapOff);

        var record = chair.Record;
        Assert.Equal(new TimeInterval(record.StartedAt, record.Boundaries.EndedAt!.Value), record.Temperatures.Period);
    }

    [Fact]
    public void ControllerCapOffAfterTheNursesCapRemoved_MovesTheEnd_SamplesUpToItCount()
    {
        var (chair, atNursesEnd) = NurseRemovedCapThenControllerCapOff();

        var record = chair.Record;
        Assert.Equal(chair.Now, record.Boundaries.EndedAt);
        Assert.Equal(atNursesEnd.Coolant.Samples + 1, record.Temperatures.Coolant.Samples);
        Assert.Equal(Temperature.FromCelsius(15.0m), record.Temperatures.Coolant.Max);
        Assert.Equal(Temperature.FromCelsius(30.0m), record.Temperatures.Scalp.Max);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(9)]
    public void CapRemovedMinutesBeforeTheControllersCapOff_EveryWarmUpSampleUpToTheCapOffCounts(int minutesEarly)
    {
        var chair = CoolingStopped();
        chair.RemoveCap();
        chair.State = ControllerState.Standby;
        var samples = chair.Record.Temperatures.Coolant.Samples;
        for (var i = 0; i < minutesEarly * 2; i++)
        {
            chair.Advance(TimeSpan.FromSeconds(30));
            Assert.True(chair.Sample(ControllerState.Standby, coolant: 10.0m + i, scalp: 25.0m).IsAccepted, $"sample {i}");
        }

        chair.Event(ControllerEventKind.CapOff);

        var record = chair.Record;
        Assert.Equal(chair.Now, record.Boundaries.EndedAt);
        Assert.Equal(samples + (minutesEarly * 2), record.Temperatures.Coolant.Samples);
        Assert.Equal(Temperature.FromCelsius(10.0m + (minutesEarly * 2) - 1), record.Temperatures.Coolant.Max);
    }

    [Fact]
    public void CapRemovedAndNoCapOff_SamplesAfterTheRemovalDoNotCount()
    {
        var chair = CoolingStopped();
        chair.RemoveCap();
        var atRemoval = chair.Record.Temperatures;
        chair.Minutes(4);

        chair.Sample(ControllerState.Standby, coolant: 14.0m, scalp: 29.0m);

        Assert.Equal(atRemoval.Coolant, chair.Record.Temperatures.Coolant);
    }

    [Fact]
    public void BackDatedCapRemoved_SamplesAfterItNoLongerCount()
    {
        var chair = CoolingStopped();
        var removedAt = chair.Now;
        var before = chair.Record.Temperatures;
        chair.Advance(TimeSpan.FromSeconds(30));
        chair.Sample(ControllerState.Standby, coolant: 12.0m, scalp: 29.0m);
        chair.Minutes(1);

        chair.RemoveCap(effective: removedAt);

        var record = chair.Record;
        Assert.Equal(removedAt, record.Boundaries.EndedAt);
        Assert.Equal(before.Coolant, record.Temperatures.Coolant);
        Assert.Equal(before.Scalp, record.Temperatures.Scalp);
    }

    [Fact]
    public void ReplayOfTheLog_GivesTheSameTemperaturesAfterTheEndMoved()
    {
        var (chair, _) = NurseRemovedCapThenControllerCapOff();

        var replayed = ScalpCoolingSession.Replay(chair.Policy, chair.Log);

        Assert.Equal(chair.Record.Temperatures, replayed.Temperatures);
    }

    /// <summary>Post-cooling done and the controller's cooling stopped a minute ago.</summary>
    private static SessionScenario CoolingStopped()
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.Minutes(90);
        chair.Event(ControllerEventKind.CoolingStop);
        chair.Minutes(1);
        return chair;
    }

    /// <summary>The nurse presses "cap removed"; the cap still on sends a warm sample, then its CAP_OFF a minute later.</summary>
    private static (SessionScenario Chair, CoolingTemperatures AtNursesEnd) NurseRemovedCapThenControllerCapOff()
    {
        var chair = CoolingStopped();
        chair.RemoveCap();
        var atNursesEnd = chair.Record.Temperatures;
        chair.Advance(TimeSpan.FromSeconds(30));
        chair.Sample(ControllerState.Standby, coolant: 15.0m, scalp: 30.0m);
        chair.Advance(TimeSpan.FromSeconds(30));
        chair.Event(ControllerEventKind.CapOff);
        return (chair, atNursesEnd);
    }
}
