using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>Duplicates, reordering, reboots, offline gaps, late events and clock skew.</summary>
public sealed class DeviceRealityTests
{
    [Fact]
    public void RepeatedMessage_IsADuplicateAndChangesNothing()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        var sample = new TelemetryReceived(chair.Now, chair.NewSample(coolant: -9.0m));
        chair.Apply(sample);
        var before = chair.Record;

        var outcome = chair.Session.Apply(sample with { ReceivedAt = chair.Now + TimeSpan.FromSeconds(2) });

        Assert.Equal(InputDisposition.Duplicate, outcome.Disposition);
        Assert.Equal(Json.Of(before), Json.Of(chair.Record));
    }

    [Fact]
    public void OlderMessageNotYetSeen_IsKeptOnceWhenItArrivesOutOfOrder()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        chair.Minutes(1);
        var overtaken = chair.NewEvent(ControllerEventKind.Calibrated, "S");
        chair.Sample();

        Assert.True(chair.Apply(new DeviceEventReceived(chair.Now, overtaken)).IsAccepted);
        Assert.Equal(InputDisposition.Duplicate, chair.Apply(new DeviceEventReceived(chair.Now, overtaken)).Disposition);
        Assert.Equal(new CapCalibration(overtaken.Timestamp, CapSize.S), chair.Record.Calibration);
    }

    [Fact]
    public void StateMessageOvertakenByANewerOne_DoesNotRewriteTheCoolingTimeline()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        chair.Minutes(1);
        var overtaken = chair.NewEvent(ControllerEventKind.Pause);
        chair.Minutes(1);
        chair.Sample();

        Assert.True(chair.Apply(new DeviceEventReceived(chair.Now, overtaken)).IsAccepted);
        Assert.Equal(InputDisposition.Duplicate, chair.Apply(new DeviceEventReceived(chair.Now, overtaken)).Disposition);
        Assert.Equal(TimeSpan.Zero, chair.Record.Interruptions.Total);
        Assert.True(chair.Record.Controller.CoolingRunning);
    }

    /// <summary>
    /// Nothing a device sent is lost (issue 13): samples held back behind thousands of later messages (another
    /// MQTT connection, a reconnect) are each kept once, and a true redelivery of one is still a duplicate.
    /// </summary>
    [Fact]
    public void SamplesOvertakenByThousandsOfNewerMessages_AreKeptOnce_ARedeliveryIsStillADuplicate()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        var held = Enumerable.Range(0, 100).Select(_ => chair.NewSample()).ToList();
        for (var i = 0; i < 4000; i++)
        {
            chair.Sample();
        }

        Assert.All(held, old => Assert.True(chair.Apply(new TelemetryReceived(chair.Now, old)).IsAccepted));
        Assert.Equal(InputDisposition.Duplicate, chair.Apply(new TelemetryReceived(chair.Now, held[0])).Disposition);
        Assert.Equal(InputDisposition.Duplicate, chair.Apply(new TelemetryReceived(chair.Now, held[^1])).Disposition);
    }

    [Fact]
    public void ControllerRebootMidSession_NewBootRestartsTheSequence()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.Minutes(5);
        chair.Apply(new ControllerWentOffline(chair.Now));
        chair.Minutes(1);
        chair.Boot = 0x0badf00d;
        chair.Seq = 0;
        chair.Apply(new ControllerCameOnline(chair.Now));
        chair.Apply(new ControllerHelloReceived(chair.Now, new ControllerHello(SessionScenario.ControllerId, chair.Boot, "SIM-1", "1.0.1", 1)));

        Assert.True(chair.Sample().IsAccepted);
        Assert.True(chair.Event(ControllerEventKind.CoolingStart).IsAccepted);

        var controller = chair.Record.Controller;
        Assert.Equal(1, controller.Reboots);
        Assert.Equal([SessionScenario.FirstBoot, 0x0badf00du], controller.Boots);
        Assert.Equal("1.0.1", controller.Firmware);
        Assert.Equal(TimeSpan.FromMinutes(1), chair.Record.Interruptions.Total);
    }

    [Fact]
    public void OfflineRepeatedAfterOnlineAtTheSameInstant_IsADuplicateAndTheControllerStaysOnline()
    {
        // Found by AnyInterleaving_DuplicatedInputsChangeNothing: liveness inputs carry no (boot, seq),
        // so a repeat is recognised by its instant and value.
        var chair = new SessionScenario();
        chair.RunToInfusing();
        var offline = new ControllerWentOffline(chair.Now);
        chair.Apply(offline);
        chair.Apply(new ControllerCameOnline(chair.Now));

        Assert.Equal(InputDisposition.Duplicate, chair.Apply(offline).Disposition);
        Assert.True(chair.Record.Controller.Online);
    }

    [Fact]
    public void MessageFromAnotherController_IsRefused()
    {
        var chair = new SessionScenario();
        chair.Start();
        var sample = chair.NewSample() with { ControllerId = "CHAIR-08" };

        Assert.Equal(RefusalReason.OtherController, chair.Apply(new TelemetryReceived(chair.Now, sample)).Reason);
    }

    [Fact]
    public void DeviceMessageBeforeStart_IsRefused()
    {
        var chair = new SessionScenario();

        Assert.Equal(RefusalReason.SessionNotStarted, chair.Sample().Reason);
    }

    [Fact]
    public void MessageFromAfterTheControllerEndedTheSession_IsRefused()
    {
        var chair = new SessionScenario();
        chair.RunCompleteSession();
        chair.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(RefusalReason.AfterSessionEnded, chair.Event(ControllerEventKind.CapOn).Reason);
    }

    [Fact]
    public void MessageLongAfterTheNurseEndedTheSession_IsRefused()
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.Minutes(90);
        chair.RemoveCap();
        // Within the CAP_OFF window the controller's CAP_OFF may still move the end, and the samples up to it are the session's.
        chair.Advance(chair.Policy.CapOffWindow + TimeSpan.FromMilliseconds(1));

        Assert.Equal(RefusalReason.AfterSessionEnded, chair.Sample().Reason);
    }

    [Fact]
    public void UnreadableCalibrationDetail_IsRefused()
    {
        var chair = new SessionScenario();
        chair.Start();

        Assert.Equal(RefusalReason.InvalidDeviceDetail, chair.Event(ControllerEventKind.Calibrated, "XXL").Reason);
        Assert.Equal(RefusalReason.InvalidDeviceDetail, chair.Event(ControllerEventKind.Setpoint, "cold").Reason);
    }

    [Fact]
    public void DeviceClockMoreThanFiveSecondsOff_IsFlagged()
    {
        var chair = new SessionScenario { DeviceClockOffset = TimeSpan.FromSeconds(5) + TimeSpan.FromMilliseconds(1) };
        chair.Start();

        chair.Sample();

        Assert.True(chair.Record.Controller.ClockSkew.Flagged);
        Assert.Equal(TimeSpan.FromSeconds(5) + TimeSpan.FromMilliseconds(1), chair.Record.Controller.ClockSkew.Largest);
    }

    [Fact]
    public void DeviceClockExactlyFiveSecondsOff_IsNotFlagged()
    {
        var chair = new SessionScenario { DeviceClockOffset = -TimeSpan.FromSeconds(5) };
        chair.Start();

        chair.Sample();

        Assert.False(chair.Record.Controller.ClockSkew.Flagged);
    }

    [Fact]
    public void CapOnSamples_GiveTemperatureSummariesAndTimeAtSetpoint()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.Sample(ControllerState.Prechill, coolant: 12.0m, capConnected: false);
        chair.FitAndStartCooling();
        chair.Minutes(10);
        chair.Sample(coolant: 0.0m, scalp: 20.0m);
        chair.Minutes(5);
        chair.Sample(coolant: -4.5m, scalp: 16.0m);
        chair.Minutes(15);
        chair.StartInfusion();

        var temperatures = chair.Record.Temperatures;
        Assert.Equal(new TemperatureSummary(Temperature.FromCelsius(-4.5m), Temperature.FromCelsius(0.0m), -3.125m, 4), temperatures.Coolant);
        Assert.Equal(Temperature.FromCelsius(16.0m), temperatures.Scalp.Min);
        Assert.Equal(Temperature.FromCelsius(-4.0m), temperatures.Setpoint);
        Assert.Equal(TimeSpan.FromMinutes(25), temperatures.CoolantAtSetpointTime);
    }

    [Fact]
    public void IdenticalNurseEntryResent_IsADuplicate()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        var adverse = new RecordAdverseEvent(chair.Now, SessionScenario.NurseId, AdverseEventKind.Shivering);
        chair.Apply(adverse);

        Assert.Equal(InputDisposition.Duplicate, chair.Apply(adverse).Disposition);
        Assert.Single(chair.Record.AdverseEvents);
    }
}
