using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Tests;

/// <summary>docs/clinical-rules.md, "Late documentation and ends": aborts, the cap coming off afterwards, and samples after the end.</summary>
public sealed class SessionEndTests
{
    [Fact]
    public void AbortThenCoolingStopAndCapOff_AbortedStoppedAndPerformedToTheCapOff()
    {
        var chair = new SessionScenario();
        var placed = chair.RunToPreCooling();
        chair.Minutes(20);
        chair.Abort(AbortReason.Headache);
        var abortedAt = chair.Now;
        chair.Minutes(1);
        Assert.True(chair.Event(ControllerEventKind.CoolingStop).IsAccepted);
        chair.Minutes(4);

        Assert.True(chair.Event(ControllerEventKind.CapOff).IsAccepted);

        var record = chair.Record;
        Assert.Equal(SessionStatus.Aborted, record.Status);
        Assert.Equal(new TimeInterval(placed, chair.Now), record.PerformedPeriod);
        Assert.Equal(BoundarySource.Controller, record.Boundaries.RemovalSource);
        Assert.Equal(abortedAt, record.Phase(SessionPhase.PreCooling)!.End);
        Assert.Equal(new TimeInterval(abortedAt, chair.Now), Interval(record.Phase(SessionPhase.PostAbortCooling)!));
        Assert.Null(record.Phase(SessionPhase.WarmUp));
        Assert.Equal(TimeSpan.FromMinutes(25), record.Deviations.Single(d => d.Code == DeviationCode.Aborted).Duration);
        Assert.False(record.HasDeviation(DeviationCode.ShortPostcool));
        Assert.False(record.HasDeviation(DeviationCode.Interrupted));
    }

    [Fact]
    public void AbortThenCoolingStopAndCapOff_TheLastCoolingStopIsTheControllersStopNotTheCapOff()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.Minutes(10);
        chair.Abort(AbortReason.Headache);
        chair.Minutes(1);
        chair.Event(ControllerEventKind.CoolingStop);
        var stoppedAt = chair.Now;
        chair.Minutes(4);

        chair.Event(ControllerEventKind.CapOff);

        Assert.Equal(stoppedAt, chair.Record.Boundaries.LastCoolingStopAt);
        Assert.Equal(chair.Now, chair.Record.Boundaries.CapRemovedAt);
    }

    [Fact]
    public void AbortWithoutCapOffInTheWindow_ClosesAtTheAbort()
    {
        var chair = new SessionScenario();
        var placed = chair.RunToPreCooling();
        chair.Minutes(20);
        chair.Abort();
        var abortedAt = chair.Now;
        chair.Minutes(31);

        Assert.Equal(RefusalReason.AfterSessionEnded, chair.Event(ControllerEventKind.CapOff).Reason);

        Assert.Equal(new TimeInterval(placed, abortedAt), chair.Record.PerformedPeriod);
        Assert.Null(chair.Record.Phase(SessionPhase.WarmUp));
        Assert.Null(chair.Record.Phase(SessionPhase.PostAbortCooling));
    }

    [Fact]
    public void AbortedInPreCooling_MinutesTheCapStaysOnArePostAbortCooling_NeitherPreCoolingNorWarmUp()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        chair.Minutes(20);
        chair.Abort(AbortReason.Headache);
        var abortedAt = chair.Now;
        chair.Minutes(3); // the controller still cools, the cap is still on

        var running = chair.Record;
        Assert.Equal(abortedAt, running.Phase(SessionPhase.PreCooling)!.End);
        Assert.Equal([SessionPhase.PreCooling], running.Phases.Select(p => p.Phase)); // not pre-cooling any more, not warm-up
        Assert.Null(SessionLiveView.CurrentPhase(running));

        chair.Minutes(1);
        chair.Event(ControllerEventKind.CoolingStop);
        chair.Minutes(2);
        chair.Event(ControllerEventKind.CapOff);

        var record = chair.Record;
        Assert.Equal([SessionPhase.PreCooling, SessionPhase.PostAbortCooling], record.Phases.Select(p => p.Phase));
        Assert.Equal(TimeSpan.FromMinutes(6), record.Phase(SessionPhase.PostAbortCooling)!.Duration);
        // Cooling stopped 4 min after the abort, the cap came off 2 min later: 4 min cooled, 2 not (issue 13's trial counted all 6 as cooled).
        Assert.Equal((TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(2)), (record.Phase(SessionPhase.PostAbortCooling)!.Cooled!.Value, record.Phase(SessionPhase.PostAbortCooling)!.NotCooling));
        Assert.Equal(TimeSpan.FromMinutes(20), record.Phase(SessionPhase.PreCooling)!.Duration);
        Assert.Null(SessionLiveView.CurrentPhase(record));
        Assert.Equal("post-abort cooling", SessionPhase.PostAbortCooling.Words());
    }

    [Fact]
    public void AbortThenNurseCapRemoved_PerformedToTheNursesRemoval()
    {
        var chair = new SessionScenario();
        var placed = chair.RunToPreCooling();
        chair.Minutes(20);
        chair.Abort();
        Assert.Contains(NurseActionKind.CapRemoved, chair.Record.PossibleNurseActions);
        chair.Minutes(6);

        Assert.True(chair.RemoveCap().IsAccepted);

        Assert.Equal(new TimeInterval(placed, chair.Now), chair.Record.PerformedPeriod);
        Assert.Equal(SessionStatus.Aborted, chair.Record.Status);
        chair.Minutes(1);
        Assert.Equal(RefusalReason.SessionFinished, chair.RemoveCap(chair.Now).Reason);
    }

    [Fact]
    public void SamplesAfterTheEnd_DoNotMoveTheTemperatures()
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.Minutes(90);
        chair.Event(ControllerEventKind.CoolingStop);
        chair.Minutes(1);
        chair.RemoveCap();
        var before = chair.Record.Temperatures;
        chair.Advance(TimeSpan.FromSeconds(30));

        Assert.True(chair.Sample(ControllerState.Prechill, coolant: 15.0m, scalp: 30.0m).IsAccepted);

        Assert.Equal(before, chair.Record.Temperatures);
    }

    [Fact]
    public void SamplesAfterTheAbort_DoNotMoveTheTemperatures()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.Abort();
        var before = chair.Record.Temperatures;
        chair.Minutes(2);

        Assert.True(chair.Sample(ControllerState.Prechill, coolant: 15.0m, scalp: 30.0m).IsAccepted);

        Assert.Equal(before.Coolant, chair.Record.Temperatures.Coolant);
        Assert.Equal(before.Scalp, chair.Record.Temperatures.Scalp);
    }

    private static TimeInterval Interval(PhaseSummary phase) => new(phase.Start, phase.End!.Value);
}
