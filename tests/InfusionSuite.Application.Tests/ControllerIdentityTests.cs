using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Tests;

/// <summary>The Device in the record names the controller's model and firmware even when its hello came before the session.</summary>
public sealed class ControllerIdentityTests
{
    [Fact(Timeout = 30_000)]
    public async Task HelloBeforeTheStart_ModelAndFirmwareAreInTheRecordAndSurviveAReplay()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-35", writer.Clock);
        await writer.SendAsync(new ControllerHelloReceived(new ControllerHello(chair.ControllerId, Chair.Boot, "SIM-2", "2.1.0", 1))
        {
            ControllerId = chair.ControllerId,
            Transport = CcpTransport.Mqtt,
            Site = "clinic",
            ReceivedAt = writer.Clock.GetUtcNow(),
        });
        await Timeouts.UntilAsync(() => writer.Store.Commits >= 1, "the hello stored");
        writer.Clock.Advance(TimeSpan.FromMinutes(3));

        var started = await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token());

        Assert.Equal(("SIM-2", "2.1.0"), (started.Record!.Controller.Model, started.Record.Controller.Firmware));
        var stored = (await writer.Store.LoadSessionAsync(started.SessionId!, Timeouts.Token()))!;
        var replayed = Domain.Sessions.ScalpCoolingSession.Replay(stored.Policy, stored.Log);
        Assert.Equal(("SIM-2", "2.1.0"), (replayed.Controller.Model, replayed.Controller.Firmware));
    }

    [Fact(Timeout = 30_000)]
    public async Task HelloStoredBeforeARestart_ModelAndFirmwareAreInTheRecordOfASessionStartedAfterIt()
    {
        // A serial controller says hello once, at power on: after the worker restarts, its session still learns who it is.
        var stored = new IngestRecovery(0, [], Hellos: [new ControllerHello("CHAIR-36", Chair.Boot, "SIM-2", "2.1.0", 1)], KnownControllers: ["CHAIR-36"]);
        await using var writer = await WriterHarness.StartAsync(stored: stored);
        var chair = new Chair("CHAIR-36", writer.Clock);

        var started = await writer.Nurse.StartSessionAsync(chair.Start() with { ConfirmUnheardController = false }, Timeouts.Token());

        Assert.True(started.IsAccepted, started.Message);
        Assert.Equal(("SIM-2", "2.1.0"), (started.Record!.Controller.Model, started.Record.Controller.Firmware));
    }
}
