using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>Every status a session passes through, in the order a nurse runs it.</summary>
public sealed class SessionTransitionTests
{
    [Fact]
    public void StartedSession_IsStartedUntilTheCapIsFitted()
    {
        var chair = new SessionScenario();

        Assert.True(chair.Start().IsAccepted);

        Assert.Equal(SessionStatus.Started, chair.Record.Status);
    }

    [Fact]
    public void CapOnFromController_MovesToFitting()
    {
        var chair = new SessionScenario();
        chair.Start();

        chair.Event(ControllerEventKind.CapOn);

        Assert.Equal(SessionStatus.Fitting, chair.Record.Status);
    }

    [Fact]
    public void CalibratedFromController_MovesToFittingAndKeepsCapSize()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.Minutes(1);

        chair.Event(ControllerEventKind.Calibrated, "L");

        Assert.Equal(SessionStatus.Fitting, chair.Record.Status);
        Assert.Equal(new CapCalibration(chair.Now, CapSize.L), chair.Record.Calibration);
    }

    [Fact]
    public void ConnectedCapInTelemetry_MovesToFitting()
    {
        var chair = new SessionScenario();
        chair.Start();

        chair.Sample(ControllerState.Prechill, capConnected: true);

        Assert.Equal(SessionStatus.Fitting, chair.Record.Status);
    }

    [Fact]
    public void CoolingStartWithCap_MovesToPreCooling()
    {
        var chair = new SessionScenario();
        chair.Start();

        chair.FitAndStartCooling();

        Assert.Equal(SessionStatus.PreCooling, chair.Record.Status);
    }

    [Fact]
    public void InfusionStarted_MovesToInfusing()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        chair.Minutes(30);

        chair.StartInfusion();

        Assert.Equal(SessionStatus.Infusing, chair.Record.Status);
    }

    [Fact]
    public void InfusionEnded_MovesToPostCooling()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.Minutes(60);

        chair.EndInfusion();

        Assert.Equal(SessionStatus.PostCooling, chair.Record.Status);
    }

    [Fact]
    public void CoolingStopAfterInfusionEnd_MovesToWarmingUp()
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.Minutes(90);

        chair.Event(ControllerEventKind.CoolingStop);

        Assert.Equal(SessionStatus.WarmingUp, chair.Record.Status);
    }

    [Fact]
    public void CapOffAfterLastStop_CompletesTheSession()
    {
        var chair = new SessionScenario();

        chair.RunCompleteSession();

        Assert.Equal(SessionStatus.Completed, chair.Record.Status);
        Assert.Equal(BoundarySource.Controller, chair.Record.Boundaries.RemovalSource);
    }

    [Fact]
    public void NurseOnlySession_RunsOnNurseActionsWhenTheControllerCannotSay()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.Minutes(5);
        chair.PlaceCap();
        Assert.Equal(SessionStatus.PreCooling, chair.Record.Status);
        chair.Minutes(30);
        chair.StartInfusion();
        chair.Minutes(60);
        chair.EndInfusion();
        chair.Minutes(90);

        chair.RemoveCap();

        var record = chair.Record;
        Assert.Equal(SessionStatus.Completed, record.Status);
        Assert.Equal(BoundarySource.Nurse, record.Boundaries.PlacementSource);
        Assert.Equal(TimeSpan.FromMinutes(180), record.PerformedPeriod!.Value.Duration);
        Assert.Empty(record.Deviations);
    }

    [Fact]
    public void AbortDuringInfusion_EndsTheSessionAsAborted()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.Minutes(10);

        chair.Abort(AbortReason.ColdIntolerance);

        var record = chair.Record;
        Assert.Equal(SessionStatus.Aborted, record.Status);
        Assert.Equal(AbortReason.ColdIntolerance, record.Abort!.Reason);
        Assert.Equal(chair.Now, record.Boundaries.EndedAt);
    }

    [Fact]
    public void VoidAfterCompletion_KeepsTheRecordAsVoided()
    {
        var chair = new SessionScenario();
        chair.RunCompleteSession();

        chair.Nurse(now => new VoidSession(now, "user-99", VoidReason.WrongPatient));

        var record = chair.Record;
        Assert.Equal(SessionStatus.Voided, record.Status);
        Assert.Equal(VoidReason.WrongPatient, record.Void!.Reason);
        Assert.NotNull(record.PerformedPeriod);
        Assert.Equal(["user-41", "user-99"], record.Nurses);
    }

    [Fact]
    public void ToleranceAndAdverseEvents_AreKeptAfterCompletion()
    {
        var chair = new SessionScenario();
        chair.RunCompleteSession();
        chair.Minutes(2);

        chair.Nurse(now => new RecordTolerance(now, SessionScenario.NurseId, 3));
        chair.Nurse(now => new RecordAdverseEvent(now, SessionScenario.NurseId, AdverseEventKind.Headache));

        var record = chair.Record;
        Assert.Equal(3, record.Tolerance);
        Assert.Equal(AdverseEventKind.Headache, Assert.Single(record.AdverseEvents).Event);
    }
}
