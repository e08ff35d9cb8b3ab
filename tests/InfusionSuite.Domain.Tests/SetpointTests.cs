using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// Issue 13, "Setpoint and ready for infusion": the setpoint a session judges the coolant against is the
/// controller's own (reported in the session, or before it and kept for the controller), else the site's
/// setpoint for the controller's model; with neither, the session does not judge.
/// </summary>
public sealed class SetpointTests
{
    private static readonly SessionPolicy s_withModelSetpoint = SessionPolicy.Default with
    {
        ModelSetpoints = new Dictionary<string, Temperature> { ["coolcap cc-200"] = Temperature.FromCelsius(-5.0m) },
    };

    [Fact]
    public void SetpointReportedBeforeTheStart_JudgesTheCoolant_ReadyForInfusionAtTheTarget()
    {
        var chair = new SessionScenario();
        var reportedAt = chair.Now - TimeSpan.FromMinutes(10);
        chair.Start();
        chair.Apply(new ControllerSetpointKnown(chair.Now, Temperature.FromCelsius(-5.0m), reportedAt));
        chair.Minutes(2);
        chair.Event(ControllerEventKind.CapOn);
        chair.Event(ControllerEventKind.CoolingStart);
        var placed = chair.Now;
        chair.Sample(coolant: -4.7m);
        chair.Run(TimeSpan.FromMinutes(30));
        chair.Sample(coolant: -4.7m);

        var record = chair.Record;
        Assert.Equal(Temperature.FromCelsius(-5.0m), record.Temperatures.Setpoint);
        Assert.Equal(SetpointSource.Controller, record.Temperatures.SetpointSource);
        var view = SessionLiveView.At(record, placed + TimeSpan.FromMinutes(30));
        Assert.True(view.CoolantAtSetpoint);
        Assert.True(view.ReadyForInfusion);
    }

    [Fact]
    public void SetpointReportedInTheSession_ReplacesTheOneKnownBefore()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.Apply(new ControllerSetpointKnown(chair.Now, Temperature.FromCelsius(-5.0m), chair.Now - TimeSpan.FromHours(3)));
        chair.Event(ControllerEventKind.Setpoint, "-3.5");

        Assert.Equal(Temperature.FromCelsius(-3.5m), chair.Record.Temperatures.Setpoint);
    }

    [Fact]
    public void ControllerThatNeverReportsOne_IsJudgedAgainstItsModelsSetting_UntilItReportsOne()
    {
        var chair = new SessionScenario(s_withModelSetpoint);
        chair.Start();
        chair.Hello();
        chair.Event(ControllerEventKind.CapOn);
        chair.Event(ControllerEventKind.CoolingStart);
        chair.Minutes(30);
        chair.Sample(coolant: -1.0m);
        chair.StartInfusion();

        var record = chair.Record;
        Assert.Equal(Temperature.FromCelsius(-5.0m), record.Temperatures.Setpoint);
        Assert.Equal(SetpointSource.ModelSetting, record.Temperatures.SetpointSource);
        Assert.Contains(record.Deviations, d => d.Code == DeviationCode.PrecoolNotAtTemperature);

        chair.Event(ControllerEventKind.Setpoint, "-0.5");
        Assert.Equal(SetpointSource.Controller, chair.Record.Temperatures.SetpointSource);
        Assert.True(chair.Record.Controller.CoolantAtSetpoint);
    }

    [Fact]
    public void NoSetpointReportedAndNoneForTheModel_CannotJudge_NeverReadyForInfusion()
    {
        var chair = new SessionScenario(s_withModelSetpoint);
        chair.Start();
        chair.Apply(new ControllerHelloReceived(chair.Now, new ControllerHello(SessionScenario.ControllerId, chair.Boot, "OTHER-9", "1.0.0", 1)));
        chair.Event(ControllerEventKind.CapOn);
        chair.Event(ControllerEventKind.CoolingStart);
        var placed = chair.Now;
        chair.Run(TimeSpan.FromMinutes(31));
        chair.Sample(coolant: 12.0m);

        var view = SessionLiveView.At(chair.Record, placed + TimeSpan.FromMinutes(31));
        Assert.Null(chair.Record.Temperatures.Setpoint);
        Assert.Null(chair.Record.Temperatures.SetpointSource);
        Assert.Null(view.CoolantAtSetpoint);
        Assert.False(view.ReadyForInfusion);

        chair.StartInfusion();
        Assert.DoesNotContain(chair.Record.Deviations, d => d.Code == DeviationCode.PrecoolNotAtTemperature);
    }

    [Fact]
    public void KnownSetpoint_ReplaysToTheSameRecord()
    {
        var chair = new SessionScenario(s_withModelSetpoint);
        chair.Start();
        chair.Apply(new ControllerSetpointKnown(chair.Now, Temperature.FromCelsius(-4.5m), chair.Now - TimeSpan.FromMinutes(1)));
        chair.Hello();
        chair.RunMinutes(3);

        Assert.Equal(Json.Of(chair.Record), Json.Of(ScalpCoolingSession.Replay(chair.Policy, chair.Log)));
    }

    [Fact]
    public void KnownSetpointBeforeTheStart_IsRefused()
    {
        var session = new ScalpCoolingSession();

        var outcome = session.Apply(new ControllerSetpointKnown(SessionScenario.DefaultStart, Temperature.FromCelsius(-5.0m), SessionScenario.DefaultStart));

        Assert.Equal(RefusalReason.SessionNotStarted, outcome.Reason);
    }
}
