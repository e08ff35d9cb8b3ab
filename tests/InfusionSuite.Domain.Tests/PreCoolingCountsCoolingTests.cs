using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// Issue 13: pre-cooling counts only time the controller was actually cooling (not paused, stopped,
/// faulted, in standby, with the cap off, or offline), and the card says "not cooling" meanwhile.
/// </summary>
public sealed class PreCoolingCountsCoolingTests
{
    [Fact]
    public void CapPlacedFourMinutesBeforeTheControllerCools_ReadinessWaitsForThirtyMinutesOfCooling_ShortPrecoolCountsOnlyCooling()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.Event(ControllerEventKind.Setpoint, "-4.0");
        chair.Event(ControllerEventKind.CapOn);
        chair.Sample(ControllerState.Prechill, coolant: 2.0m, scalp: 33.0m);
        chair.PlaceCap();
        var placed = chair.Now;
        chair.State = ControllerState.Prechill;
        chair.Run(TimeSpan.FromMinutes(4));

        var waiting = SessionLiveView.At(chair.Record, chair.Now);
        Assert.True(waiting.NotCooling);
        Assert.Equal(TimeSpan.FromMinutes(30), waiting.RemainingToTarget);

        chair.Event(ControllerEventKind.CoolingStart);
        chair.State = ControllerState.Cooling;
        chair.Run(TimeSpan.FromMinutes(26));

        var onTheTimer = SessionLiveView.At(chair.Record, placed + TimeSpan.FromMinutes(30));
        Assert.Equal(BoundarySource.Nurse, chair.Record.Boundaries.PlacementSource);
        Assert.False(onTheTimer.NotCooling);
        Assert.False(onTheTimer.ReadyForInfusion);
        Assert.InRange(onTheTimer.RemainingToTarget!.Value, TimeSpan.FromMinutes(4) - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(1));
        Assert.Equal(SessionPrompts.DueAt(chair.Record), placed + TimeSpan.FromMinutes(30) + onTheTimer.RemainingToTarget);

        chair.StartInfusion();
        var shortPrecool = Assert.Single(chair.Record.Deviations, d => d.Code == DeviationCode.ShortPrecool);
        Assert.InRange(shortPrecool.Duration, TimeSpan.FromMinutes(4) - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(1));
        Assert.Contains("not cooling not counted", shortPrecool.Detail, StringComparison.Ordinal);
    }

    /// <summary>
    /// The trial of issue 13 (EC2-01): the cap placed about 4 min before the controller first cooled, the controller not
    /// heard meanwhile (offline, or silent): the session showed "Interruptions: 1, 3 min" and a cooling-interruptions
    /// Observation of 3.99. One rule: cooling began at the controller's COOLING_START, so the wait is neither an
    /// interruption (summary, phase, INTERRUPTED, the EHR's Observation and OBX, which read the summary) nor pre-cooling's cooling.
    /// </summary>
    [Theory]
    [InlineData(true, 4)]
    [InlineData(false, 4)]
    [InlineData(true, 6)]
    public void CapPlacedWhileTheControllerWasNotHeard_ItsFirstCoolingStartBeginsCooling_TheWaitIsNoInterruption(bool offline, int minutesBefore)
    {
        var chair = new SessionScenario();
        chair.Start();
        if (offline)
        {
            chair.Apply(new ControllerWentOffline(chair.Now));
        }

        chair.PlaceCap();
        chair.Minutes(minutesBefore);
        if (offline)
        {
            chair.Apply(new ControllerCameOnline(chair.Now));
        }

        chair.Event(ControllerEventKind.CapOn);
        chair.Event(ControllerEventKind.CoolingStart);
        chair.State = ControllerState.Cooling;
        chair.Run(TimeSpan.FromMinutes(28));
        chair.StartInfusion();

        var record = chair.Record;
        var preCooling = record.Phase(SessionPhase.PreCooling)!;
        Assert.Equal(BoundarySource.Nurse, record.Boundaries.PlacementSource);
        Assert.Equal(0, record.Interruptions.Count);
        Assert.Equal(TimeSpan.Zero, record.Interruptions.Total);
        Assert.Equal(TimeSpan.Zero, preCooling.Interruptions.Total);
        Assert.Equal(TimeSpan.FromMinutes(minutesBefore), preCooling.NotCooling);
        Assert.Equal(TimeSpan.FromMinutes(28), preCooling.Cooled);
        Assert.Equal(TimeSpan.FromMinutes(2), Assert.Single(record.Deviations, d => d.Code == DeviationCode.ShortPrecool).Duration);
        Assert.False(record.HasDeviation(DeviationCode.Interrupted));
    }

    /// <summary>A controller heard cooling (no COOLING_START) after the placement may have begun unheard: cooling counts from the placement, as before.</summary>
    [Fact]
    public void CapPlacedWhileNotHeard_FirstWordIsACoolingSample_CoolingCountsFromThePlacement()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.PlaceCap();
        chair.Minutes(3);
        chair.State = ControllerState.Cooling;
        chair.Run(TimeSpan.FromMinutes(28));
        chair.StartInfusion();

        var preCooling = chair.Record.Phase(SessionPhase.PreCooling)!;
        Assert.Equal(TimeSpan.Zero, preCooling.NotCooling);
        Assert.Equal(TimeSpan.FromMinutes(31), preCooling.Cooled);
        Assert.Equal(0, chair.Record.Interruptions.Count);
    }

    [Theory]
    [InlineData(3, 26)]
    [InlineData(11, 26)]
    [InlineData(20, 32)]
    public void CapPlacedMinutesBeforeTheControllerCools_PhaseAndDeviationGiveOneFigure_NoInterruptionBeforeCoolingBegan(int minutesBefore, int cooledMinutes)
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.Event(ControllerEventKind.Setpoint, "-4.0");
        chair.Event(ControllerEventKind.CapOn);
        chair.Sample(ControllerState.Prechill, coolant: 2.0m, scalp: 33.0m);
        chair.PlaceCap();
        chair.State = ControllerState.Prechill;
        chair.Run(TimeSpan.FromMinutes(minutesBefore));
        chair.Event(ControllerEventKind.CoolingStart);
        chair.State = ControllerState.Cooling;
        chair.Run(TimeSpan.FromMinutes(cooledMinutes));

        chair.StartInfusion();

        var record = chair.Record;
        var preCooling = record.Phase(SessionPhase.PreCooling)!;
        Assert.Equal(TimeSpan.FromMinutes(minutesBefore), preCooling.NotCooling);
        Assert.Equal(TimeSpan.FromMinutes(cooledMinutes), preCooling.Cooled);
        Assert.Equal(TimeSpan.Zero, preCooling.Interruptions.Total);
        Assert.False(record.HasDeviation(DeviationCode.Interrupted));
        Assert.Equal(0, record.Interruptions.Count);
        var shortPrecool = record.Deviations.SingleOrDefault(d => d.Code == DeviationCode.ShortPrecool);
        Assert.Equal(cooledMinutes < 30, shortPrecool is not null);
        if (shortPrecool is not null)
        {
            Assert.Equal(TimeSpan.FromMinutes(30) - preCooling.Cooled, shortPrecool.Duration);
            Assert.StartsWith($"Pre-cooled {cooledMinutes} of 30 min", shortPrecool.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PauseAfterCoolingBegan_IsStillAnInterruption()
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
        chair.Run(TimeSpan.FromMinutes(10));
        chair.Event(ControllerEventKind.Pause);
        chair.State = ControllerState.Paused;
        chair.Run(TimeSpan.FromMinutes(8));
        chair.Event(ControllerEventKind.Resume);
        chair.State = ControllerState.Cooling;
        chair.Run(TimeSpan.FromMinutes(25));

        chair.StartInfusion();

        var record = chair.Record;
        var preCooling = record.Phase(SessionPhase.PreCooling)!;
        Assert.Equal(TimeSpan.FromMinutes(35), preCooling.Cooled);
        Assert.Equal(TimeSpan.FromMinutes(8), Assert.Single(record.Deviations, d => d.Code == DeviationCode.Interrupted).Duration);
        Assert.False(record.HasDeviation(DeviationCode.ShortPrecool));
    }

    [Fact]
    public void PauseDuringPreCooling_TheCountdownStopsWhilePaused_ReadyAfterThirtyMinutesCooling()
    {
        var chair = new SessionScenario();
        var placed = chair.RunToPreCooling();
        chair.RunMinutes(10);
        chair.Event(ControllerEventKind.Pause);
        chair.Minutes(3);

        var paused = SessionLiveView.At(chair.Record, chair.Now);
        Assert.True(paused.NotCooling);
        Assert.Equal(TimeSpan.FromMinutes(13), paused.PhaseElapsed);
        Assert.Equal(TimeSpan.FromMinutes(20), paused.RemainingToTarget);
        Assert.Null(SessionPrompts.DueAt(chair.Record));

        chair.Event(ControllerEventKind.Resume);
        var pausedFor = chair.Record.Phases[0].Interruptions.Total;
        Assert.Equal(placed + TimeSpan.FromMinutes(30) + pausedFor, SessionPrompts.DueAt(chair.Record));
        chair.RunMinutes(20);

        Assert.False(SessionLiveView.At(chair.Record, placed + TimeSpan.FromMinutes(30)).ReadyForInfusion);
        var due = placed + TimeSpan.FromMinutes(30) + pausedFor;
        Assert.Equal(TimeSpan.Zero, SessionLiveView.At(chair.Record, due).RemainingToTarget);
        Assert.True(SessionLiveView.At(chair.Record, due).ReadyForInfusion);
    }

    [Fact]
    public void ControllerOfflineDuringPreCooling_StillCounts_ItMayBeCooling_TheGapIsAnInterruption()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        chair.RunMinutes(10);
        chair.Apply(new ControllerWentOffline(chair.Now));
        chair.Minutes(3);
        chair.Apply(new ControllerCameOnline(chair.Now));
        chair.RunMinutes(17);

        chair.StartInfusion();

        var record = chair.Record;
        Assert.DoesNotContain(record.Deviations, d => d.Code == DeviationCode.ShortPrecool);
        Assert.Equal(TimeSpan.FromMinutes(3), record.Phases[0].Interruptions.Total);
        Assert.Equal(TimeSpan.Zero, record.Phases[0].NotCooling);
    }

    [Fact]
    public void ControllerNotCoolingDuringInfusion_CardSaysNotCooling()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();

        chair.Event(ControllerEventKind.Pause);

        Assert.True(SessionLiveView.At(chair.Record, chair.Now).NotCooling);
        chair.Event(ControllerEventKind.Resume);
        Assert.False(SessionLiveView.At(chair.Record, chair.Now).NotCooling);
    }
}
