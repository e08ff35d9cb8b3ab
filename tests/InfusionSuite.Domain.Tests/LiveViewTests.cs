using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>What the chair board shows, as a pure function of the record and now.</summary>
public sealed class LiveViewTests
{
    [Fact]
    public void PreCoolingTargetReachedAtSetpoint_IsReadyForInfusion()
    {
        var chair = new SessionScenario();
        var placed = chair.RunToPreCooling();

        var before = SessionLiveView.At(chair.Record, placed + TimeSpan.FromMinutes(30) - TimeSpan.FromMilliseconds(1));
        var at = SessionLiveView.At(chair.Record, placed + TimeSpan.FromMinutes(30));

        Assert.False(before.ReadyForInfusion);
        Assert.Equal(TimeSpan.FromMilliseconds(1), before.RemainingToTarget);
        Assert.True(at.ReadyForInfusion);
        Assert.Equal(TimeSpan.Zero, at.RemainingToTarget);
        Assert.Equal(SessionStatus.PreCooling, at.Status);
    }

    /// <summary>
    /// Issue 13: "Ready for infusion" was shown on a chair whose controller had been offline for an hour. Prompts are
    /// not derived from stale readings: while the controller is offline there is no "ready", no coolant judgement and
    /// no "not cooling" (the offline alarm says why); when it is back and reading, they are.
    /// </summary>
    [Fact]
    public void ControllerOfflineForAnHour_NoReadyNorTemperaturePrompt_UntilItIsBack()
    {
        var chair = new SessionScenario();
        var placed = chair.RunToPreCooling();
        chair.Minutes(31);
        chair.Sample();
        Assert.True(SessionLiveView.At(chair.Record, chair.Now).ReadyForInfusion);

        chair.Apply(new ControllerWentOffline(chair.Now));
        var offline = SessionLiveView.At(chair.Record, chair.Now + TimeSpan.FromHours(1));

        Assert.False(offline.ControllerOnline);
        Assert.False(offline.ReadyForInfusion);
        Assert.Null(offline.CoolantAtSetpoint);
        Assert.False(offline.NotCooling);
        Assert.Equal(TimeSpan.Zero, offline.RemainingToTarget);

        chair.Minutes(60);
        chair.Apply(new ControllerCameOnline(chair.Now));
        chair.Sample();
        Assert.True(SessionLiveView.At(chair.Record, chair.Now).ReadyForInfusion);
        Assert.True(placed < chair.Now);
    }

    [Fact]
    public void ControllerPausedThenOffline_IsNotShownAsNotCooling_FromTheStaleReading()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        chair.Minutes(5);
        chair.Event(ControllerEventKind.Pause);
        Assert.True(SessionLiveView.At(chair.Record, chair.Now).NotCooling);

        chair.Apply(new ControllerWentOffline(chair.Now));

        Assert.False(SessionLiveView.At(chair.Record, chair.Now + TimeSpan.FromMinutes(30)).NotCooling);
    }

    [Fact]
    public void PreCoolingTargetReachedWithWarmCoolant_IsNotReadyForInfusion()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        chair.Minutes(31);

        chair.Sample(coolant: -1.9m);

        var view = SessionLiveView.At(chair.Record, chair.Now);
        Assert.False(view.ReadyForInfusion);
        Assert.False(view.CoolantAtSetpoint);
        Assert.Equal(Temperature.FromCelsius(-1.9m), view.LatestCoolant);
    }

    [Fact]
    public void PostCoolingTargetReached_PromptsRemoveCap()
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        var ended = chair.Now;

        Assert.False(SessionLiveView.At(chair.Record, ended + TimeSpan.FromMinutes(89)).PostCoolingCompleteRemoveCap);
        var view = SessionLiveView.At(chair.Record, ended + TimeSpan.FromMinutes(90));

        Assert.True(view.PostCoolingCompleteRemoveCap);
        Assert.Equal(TimeSpan.FromMinutes(90), view.PhaseElapsed);
    }

    [Fact]
    public void WarmingUpAfterFullPostCooling_StillPromptsRemoveCap()
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.Minutes(90);

        chair.Event(ControllerEventKind.CoolingStop);

        Assert.True(SessionLiveView.At(chair.Record, chair.Now + TimeSpan.FromMinutes(3)).PostCoolingCompleteRemoveCap);
    }

    [Fact]
    public void InfusingPhase_ShowsElapsedWithoutTarget()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();

        var view = SessionLiveView.At(chair.Record, chair.Now + TimeSpan.FromMinutes(12));

        Assert.Equal(TimeSpan.FromMinutes(12), view.PhaseElapsed);
        Assert.Null(view.RemainingToTarget);
        Assert.False(view.ReadyForInfusion);
    }

    [Fact]
    public void CompletedSession_ShowsNoRunningPhase()
    {
        var chair = new SessionScenario();
        chair.RunCompleteSession();

        var view = SessionLiveView.At(chair.Record, chair.Now);

        Assert.Equal(SessionStatus.Completed, view.Status);
        Assert.Null(view.PhaseElapsed);
        Assert.False(view.PostCoolingCompleteRemoveCap);
    }

    [Fact]
    public void ActiveAlarms_AreNamedAndUnknownBitsKept()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();

        chair.Sample(alarms: ControllerAlarms.CapDisconnected | (ControllerAlarms)0x0080);

        Assert.Equal(["CAP_DISCONNECTED", "UNKNOWN_0x0080"], SessionLiveView.At(chair.Record, chair.Now).ActiveAlarms);
    }

    [Fact]
    public void NextPrompt_IsThePreCoolingTargetThenThePostCoolingTarget()
    {
        var chair = new SessionScenario();
        var placed = chair.RunToPreCooling();

        Assert.Equal(placed + TimeSpan.FromMinutes(30), SessionPrompts.NextDue(chair.Record, chair.Now));
        Assert.Null(SessionPrompts.NextDue(chair.Record, placed + TimeSpan.FromMinutes(30)));

        chair.Minutes(30);
        chair.StartInfusion();
        Assert.Null(SessionPrompts.NextDue(chair.Record, chair.Now));

        chair.Minutes(60);
        chair.EndInfusion();
        Assert.Equal(chair.Now + TimeSpan.FromMinutes(90), SessionPrompts.NextDue(chair.Record, chair.Now));
    }
}
