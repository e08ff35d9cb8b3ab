using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Tests;

/// <summary>The exact boundaries of docs/clinical-rules.md.</summary>
public sealed class BoundaryTests
{
    [Fact]
    public void CoolingStartWithoutCap_IsNotThePlacement()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.Event(ControllerEventKind.CoolingStart);
        Assert.Null(chair.Record.Boundaries.CapPlacedAt);
        chair.Minutes(1);

        chair.Event(ControllerEventKind.CapOn);
        chair.Event(ControllerEventKind.CoolingStart);

        Assert.Equal(chair.Now, chair.Record.Boundaries.CapPlacedAt);
        Assert.Equal(SessionStatus.PreCooling, chair.Record.Status);
    }

    [Fact]
    public void LaterCoolingRestart_DoesNotMoveThePlacement()
    {
        var chair = new SessionScenario();
        var placed = chair.RunToPreCooling();
        chair.Minutes(10);
        chair.Event(ControllerEventKind.CoolingStop);
        chair.Minutes(1);

        chair.Event(ControllerEventKind.CoolingStart);

        Assert.Equal(placed, chair.Record.Boundaries.CapPlacedAt);
    }

    [Fact]
    public void ControllerCoolingStartArrivingAfterNursePlacedCap_ControllerTimeWins()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.Minutes(3);
        chair.PlaceCap();
        chair.Advance(TimeSpan.FromSeconds(4));
        chair.Event(ControllerEventKind.CapOn, earlier: TimeSpan.FromSeconds(30));

        chair.Event(ControllerEventKind.CoolingStart, earlier: TimeSpan.FromSeconds(20));

        var boundaries = chair.Record.Boundaries;
        Assert.Equal(chair.Now - TimeSpan.FromSeconds(20), boundaries.CapPlacedAt);
        Assert.Equal(BoundarySource.Controller, boundaries.PlacementSource);
    }

    [Fact]
    public void ControllerCoolingStartLongAfterNursePlacedCap_IsARestartNotThePlacement()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.PlaceCap();
        var placed = chair.Now;
        chair.Minutes(10);
        chair.Event(ControllerEventKind.CapOn);

        chair.Event(ControllerEventKind.CoolingStart);

        Assert.Equal(placed, chair.Record.Boundaries.CapPlacedAt);
        Assert.Equal(BoundarySource.Nurse, chair.Record.Boundaries.PlacementSource);
    }

    [Fact]
    public void CompleteSession_PhasesRunBetweenTheExactBoundaries()
    {
        var chair = new SessionScenario();

        chair.RunCompleteSession(preMinutes: 31, infusionMinutes: 62, postMinutes: 93, warmUpMinutes: 7);

        var record = chair.Record;
        Assert.Equal(
            [TimeSpan.FromMinutes(31), TimeSpan.FromMinutes(62), TimeSpan.FromMinutes(93), TimeSpan.FromMinutes(7)],
            record.Phases.Select(p => p.Duration!.Value));
        Assert.Equal([SessionPhase.PreCooling, SessionPhase.Infusion, SessionPhase.PostCooling, SessionPhase.WarmUp], record.Phases.Select(p => p.Phase));
        Assert.Equal(TimeSpan.FromMinutes(193), record.PerformedPeriod!.Value.Duration);
        Assert.Equal(record.Boundaries.CapPlacedAt, record.PerformedPeriod.Value.Start);
        Assert.Equal(record.Boundaries.CapRemovedAt, record.PerformedPeriod.Value.End);
    }

    [Fact]
    public void CoolingStoppedAndRestartedInPostCooling_PostCoolingEndsAtTheLastStop()
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.Minutes(40);
        chair.Event(ControllerEventKind.CoolingStop);
        chair.Minutes(3);
        chair.Event(ControllerEventKind.CoolingStart);
        chair.Minutes(50);
        chair.Event(ControllerEventKind.CoolingStop);
        var lastStop = chair.Now;
        chair.Minutes(5);

        chair.Event(ControllerEventKind.CapOff);

        var record = chair.Record;
        Assert.Equal(lastStop, record.Boundaries.LastCoolingStopAt);
        var post = record.Phase(SessionPhase.PostCooling)!;
        Assert.Equal(TimeSpan.FromMinutes(93), post.Duration);
        Assert.Equal(new InterruptionSummary(1, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3)), post.Interruptions);
    }

    [Fact]
    public void CapOffWhileStillCooling_IsAnInterruptionNotTheRemoval()
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.Minutes(10);
        chair.Event(ControllerEventKind.CapOff);
        chair.Minutes(2);
        chair.Event(ControllerEventKind.CapOn);

        chair.Event(ControllerEventKind.CoolingStart);

        var record = chair.Record;
        Assert.Equal(SessionStatus.PostCooling, record.Status);
        Assert.Null(record.Boundaries.CapRemovedAt);
        Assert.Equal(TimeSpan.FromMinutes(2), record.Interruptions.Total);
    }

    [Fact]
    public void NurseRemovedCapThenControllerCapOffArrives_ControllerTimeWins()
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.Minutes(90);
        chair.Event(ControllerEventKind.CoolingStop);
        chair.Minutes(6);
        chair.RemoveCap();
        Assert.Equal(BoundarySource.Nurse, chair.Record.Boundaries.RemovalSource);
        chair.Advance(TimeSpan.FromSeconds(40));

        var outcome = chair.Event(ControllerEventKind.CapOff, earlier: TimeSpan.FromSeconds(10));

        Assert.True(outcome.IsAccepted);
        var record = chair.Record;
        Assert.Equal(BoundarySource.Controller, record.Boundaries.RemovalSource);
        Assert.Equal(chair.Now - TimeSpan.FromSeconds(10), record.Boundaries.CapRemovedAt);
        Assert.Equal(SessionStatus.Completed, record.Status);
    }

    [Fact]
    public void InfusionStartedBeforeCapPlaced_PreCoolingIsZeroAndPhasesStillAddUp()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.Minutes(1);
        chair.StartInfusion();
        var infusionStart = chair.Now;
        chair.Minutes(4);
        var placed = chair.FitAndStartCooling();

        var record = chair.Record;
        Assert.Equal(infusionStart, record.Boundaries.InfusionStartedAt);
        Assert.Equal(TimeSpan.Zero, record.Phase(SessionPhase.PreCooling)!.Duration);
        Assert.Equal(placed, record.Phase(SessionPhase.Infusion)!.Start);
        Assert.Equal(30, record.Deviations.Single(d => d.Code == DeviationCode.ShortPrecool).Minutes);
    }

    [Fact]
    public void LateDocumentedInfusionStart_UsesTheEffectiveTimeAndKeepsBothTimes()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        chair.Minutes(40);
        var effective = chair.Now - TimeSpan.FromMinutes(10);

        chair.StartInfusion(effective);

        var record = chair.Record;
        Assert.Equal(effective, record.Boundaries.InfusionStartedAt);
        Assert.Equal(TimeSpan.FromMinutes(30), record.Phase(SessionPhase.PreCooling)!.Duration);
        var entry = record.NurseEntries[^1];
        Assert.True(entry.DocumentedLate);
        Assert.Equal(chair.Now, entry.EnteredAt);
        Assert.Equal(effective, entry.EffectiveAt);
    }

    [Fact]
    public void SubMinuteDurations_AreStoredExactlyAndShownRoundedDown()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        chair.Advance(TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(30) + TimeSpan.FromMilliseconds(250));

        chair.StartInfusion();

        var shortPrecool = chair.Record.Deviations.Single(d => d.Code == DeviationCode.ShortPrecool);
        Assert.Equal(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(29) + TimeSpan.FromMilliseconds(750), shortPrecool.Duration);
        Assert.Equal(9, shortPrecool.Minutes);
    }
}
