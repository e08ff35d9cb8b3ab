using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>Every row of the deviation table, at and around its limits.</summary>
public sealed class DeviationTests
{
    [Fact]
    public void InfusionStartedBeforeTarget_RecordsShortPrecool()
    {
        var chair = new SessionScenario();

        chair.RunToInfusing(preMinutes: 22);

        var deviation = chair.Record.Deviations.Single(d => d.Code == DeviationCode.ShortPrecool);
        Assert.Equal(TimeSpan.FromMinutes(8), deviation.Duration);
        Assert.Equal("SHORT_PRECOOL", deviation.Name);
    }

    [Fact]
    public void InfusionStartedExactlyAtTarget_RecordsNoShortPrecool()
    {
        var chair = new SessionScenario();

        chair.RunToInfusing(preMinutes: 30);

        Assert.Empty(chair.Record.Deviations);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(59_999)]
    public void InfusionStartedLessThanAMinuteBeforeTarget_IsNoShortPrecool(int millisecondsShort)
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        chair.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromMilliseconds(millisecondsShort));

        chair.StartInfusion();

        Assert.Empty(chair.Record.Deviations);
    }

    [Fact]
    public void InfusionStartedOneMinuteBeforeTarget_RecordsShortPrecool()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        chair.Advance(TimeSpan.FromMinutes(29));

        chair.StartInfusion();

        var shortPrecool = chair.Record.Deviations.Single(d => d.Code == DeviationCode.ShortPrecool);
        Assert.Equal(TimeSpan.FromMinutes(1), shortPrecool.Duration);
        Assert.StartsWith("Pre-cooled 29 of 30 min", shortPrecool.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, false)]
    [InlineData(59.999, false)]
    [InlineData(60, true)]
    public void CoolingStoppedSecondsBeforePostCoolingTarget_IsShortPostcoolOnlyFromAMinute(double secondsShort, bool expected)
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.Advance(TimeSpan.FromMinutes(90) - TimeSpan.FromSeconds(secondsShort));
        chair.Event(ControllerEventKind.CoolingStop);
        chair.Minutes(5);

        chair.Event(ControllerEventKind.CapOff);

        Assert.Equal(expected, chair.Record.HasDeviation(DeviationCode.ShortPostcool));
    }

    [Fact]
    public void CoolantWarmerThanSetpointPlusTwoAtInfusionStart_RecordsNotAtTemperature()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        chair.Minutes(30);
        chair.Sample(coolant: -1.9m);
        chair.StartInfusion();
        chair.Minutes(4);

        chair.Sample(coolant: -3.5m);

        var deviation = chair.Record.Deviations.Single(d => d.Code == DeviationCode.PrecoolNotAtTemperature);
        Assert.Equal(TimeSpan.FromMinutes(4), deviation.Duration);
    }

    [Fact]
    public void CoolantExactlyAtSetpointPlusTwoAtInfusionStart_IsAtTemperature()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        chair.Minutes(30);
        chair.Sample(coolant: -2.0m);

        chair.StartInfusion();

        Assert.DoesNotContain(chair.Record.Deviations, d => d.Code == DeviationCode.PrecoolNotAtTemperature);
    }

    [Fact]
    public void NoSetpointFromController_TemperatureIsNotJudged()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.Event(ControllerEventKind.CapOn);
        chair.Event(ControllerEventKind.CoolingStart);
        chair.Minutes(30);
        chair.Sample(coolant: 15.0m);

        chair.StartInfusion();

        Assert.Empty(chair.Record.Deviations);
        Assert.Null(chair.Record.Controller.CoolantAtSetpoint);
    }

    [Fact]
    public void InterruptionsTotallingExactlyFiveMinutes_AreNotADeviation()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        Pause(chair, TimeSpan.FromMinutes(2));
        chair.Minutes(30);
        chair.StartInfusion();
        Pause(chair, TimeSpan.FromMinutes(3));

        Assert.Equal(TimeSpan.FromMinutes(5), chair.Record.Interruptions.Total);
        Assert.DoesNotContain(chair.Record.Deviations, d => d.Code == DeviationCode.Interrupted);
    }

    [Fact]
    public void InterruptionsTotallingOverFiveMinutes_RecordInterruptedWithPerPhaseCounts()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        Pause(chair, TimeSpan.FromMinutes(2));
        chair.Minutes(30);
        chair.StartInfusion();
        Pause(chair, TimeSpan.FromMinutes(3) + TimeSpan.FromMilliseconds(1));

        var record = chair.Record;
        Assert.Equal(TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(1), record.Deviations.Single(d => d.Code == DeviationCode.Interrupted).Duration);
        Assert.Equal(1, record.Phase(SessionPhase.PreCooling)!.Interruptions.Count);
        Assert.Equal(TimeSpan.FromMinutes(3) + TimeSpan.FromMilliseconds(1), record.Phase(SessionPhase.Infusion)!.Interruptions.Longest);
        Assert.Equal(2, record.Interruptions.Count);
    }

    [Fact]
    public void SingleGapOverFiveMinutes_RecordsInterrupted()
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.Minutes(10);
        chair.Sample(ControllerState.Fault, alarms: ControllerAlarms.FlowLow);
        chair.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        chair.Sample();

        var record = chair.Record;
        Assert.True(record.HasDeviation(DeviationCode.Interrupted));
        Assert.Equal(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1), record.Phase(SessionPhase.PostCooling)!.Interruptions.Longest);
    }

    [Fact]
    public void ControllerOfflineDuringInfusion_CountsAsInterruption()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.Minutes(10);
        chair.Apply(new ControllerWentOffline(chair.Now));
        Assert.False(chair.Record.Controller.Online);
        chair.Minutes(6);

        chair.Apply(new ControllerCameOnline(chair.Now));

        var record = chair.Record;
        Assert.Equal(TimeSpan.FromMinutes(6), record.Phase(SessionPhase.Infusion)!.Interruptions.Total);
        Assert.True(record.HasDeviation(DeviationCode.Interrupted));
        Assert.True(record.Controller.Online);
    }

    [Fact]
    public void PauseBeforePlacementAndWarmUp_AreNotInterruptions()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.Sample(ControllerState.Standby, capConnected: false);
        chair.Minutes(20);
        chair.FitAndStartCooling();
        chair.Minutes(30);
        chair.StartInfusion();
        chair.Minutes(60);
        chair.EndInfusion();
        chair.Minutes(90);
        chair.Event(ControllerEventKind.CoolingStop);
        chair.Minutes(10);

        chair.Event(ControllerEventKind.CapOff);

        Assert.Equal(InterruptionSummary.None, chair.Record.Interruptions);
        Assert.Empty(chair.Record.Deviations);
    }

    [Fact]
    public void CoolingStoppedBeforePostCoolingTarget_RecordsShortPostcool()
    {
        var chair = new SessionScenario();

        chair.RunCompleteSession(postMinutes: 80, warmUpMinutes: 12);

        var deviation = chair.Record.Deviations.Single();
        Assert.Equal(DeviationCode.ShortPostcool, deviation.Code);
        Assert.Equal(10, deviation.Minutes);
    }

    [Fact]
    public void NurseRemovedCapBeforePostCoolingTarget_RecordsShortPostcool()
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.Advance(TimeSpan.FromMinutes(90) - TimeSpan.FromMinutes(1) - TimeSpan.FromSeconds(1));

        chair.RemoveCap();

        // Short by a minute or more (less is on target: SessionDeviations.ShortByAtLeast).
        Assert.Equal(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1), chair.Record.Deviations.Single(d => d.Code == DeviationCode.ShortPostcool).Duration);
    }

    [Fact]
    public void PostCoolingExactlyAtTarget_RecordsNoShortPostcool()
    {
        var chair = new SessionScenario();

        chair.RunCompleteSession(postMinutes: 90);

        Assert.Empty(chair.Record.Deviations);
    }

    [Fact]
    public void AbortedSession_RecordsAbortedWithTheMinutesTheCapWasOn()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.Minutes(15);

        chair.Abort(AbortReason.PatientRequest);

        var record = chair.Record;
        var deviation = record.Deviations.Single();
        Assert.Equal(DeviationCode.Aborted, deviation.Code);
        Assert.Equal(45, deviation.Minutes);
        Assert.Equal(TimeSpan.FromMinutes(45), TimeSpan.FromTicks(record.Phases.Sum(p => p.Duration!.Value.Ticks)));
    }

    /// <summary>Issue 13: ABORTED's minutes are the performed period, placement → the controller's CAP_OFF after the abort (as the docs now say).</summary>
    [Fact]
    public void AbortThenControllerCapOff_AbortedMinutesAreThePerformedPeriodToTheCapOff()
    {
        var chair = new SessionScenario();
        var placed = chair.RunToPreCooling();
        chair.Minutes(30);
        chair.StartInfusion();
        chair.Minutes(15);
        chair.Abort(AbortReason.Headache);
        chair.Minutes(1);
        chair.Event(ControllerEventKind.CoolingStop);
        chair.Minutes(4);

        chair.Event(ControllerEventKind.CapOff);

        var record = chair.Record;
        var aborted = Assert.Single(record.Deviations, d => d.Code == DeviationCode.Aborted);
        Assert.Equal(chair.Now, record.PerformedPeriod!.Value.End);
        Assert.Equal(record.PerformedPeriod.Value.Duration, aborted.Duration);
        Assert.Equal(chair.Now - placed, aborted.Duration);
    }

    [Theory]
    [InlineData(89, "Stopped early (patient request) after")]
    [InlineData(90, "Stopped (patient request) after every target was met,")]
    [InlineData(100, "Stopped (patient request) after every target was met,")]
    public void AbortInPostCooling_SaysStoppedEarlyOnlyWhenATargetWasCutShort(int postMinutes, string words)
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.Minutes(postMinutes);

        chair.Abort(AbortReason.PatientRequest);

        var deviation = chair.Record.Deviations.Single(d => d.Code == DeviationCode.Aborted);
        Assert.StartsWith(words, deviation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void OvercoolAlarm_RecordsOvercoolWithItsMinutes()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.Sample(scalp: -0.5m, alarms: ControllerAlarms.Overcool);
        chair.Minutes(2);

        chair.Sample(scalp: 1.0m);

        var deviation = chair.Record.Deviations.Single();
        Assert.Equal(DeviationCode.Overcool, deviation.Code);
        Assert.Equal(TimeSpan.FromMinutes(2), deviation.Duration);
    }

    [Theory]
    [InlineData(ControllerState.Fault, ControllerAlarms.None)]
    [InlineData(ControllerState.Cooling, ControllerAlarms.FlowLow)]
    [InlineData(ControllerState.Cooling, ControllerAlarms.CoolantHigh)]
    [InlineData(ControllerState.Cooling, ControllerAlarms.SensorFault)]
    public void FaultStateOrFaultAlarm_RecordsDeviceFault(ControllerState state, ControllerAlarms alarms)
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.Sample(state, alarms: alarms);
        chair.Minutes(1);

        chair.Sample();

        Assert.Equal(TimeSpan.FromMinutes(1), chair.Record.Deviations.Single(d => d.Code == DeviationCode.DeviceFault).Duration);
    }

    [Fact]
    public void FaultEvent_RecordsDeviceFaultWithTheVendorCode()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();

        chair.Event(ControllerEventKind.Fault, "PUMP_STALL");

        Assert.Contains("PUMP_STALL", chair.Record.Deviations.Single(d => d.Code == DeviationCode.DeviceFault).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReservoirLowAndOnBattery_AreNotDeviations()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();

        chair.Sample(alarms: ControllerAlarms.ReservoirLow | ControllerAlarms.OnBattery);

        Assert.Empty(chair.Record.Deviations);
        Assert.Equal(["RESERVOIR_LOW", "ON_BATTERY"], SessionLiveView.At(chair.Record, chair.Now).ActiveAlarms);
    }

    private static void Pause(SessionScenario chair, TimeSpan length)
    {
        chair.Event(ControllerEventKind.Pause);
        chair.Advance(length);
        chair.Event(ControllerEventKind.Resume);
    }
}
