using InfusionSuite.Demo;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Worker.Tests;

/// <summary>Simulator → socat pseudo-terminal pair → the worker's serial link → SQLite file.</summary>
public sealed class SerialEndToEndTests
{
    [Fact(Timeout = 150_000)]
    public async Task NormalSessionOverSerial_HasExactPhaseMinutesAndNoDeviation()
    {
        using var db = new TempDatabase();
        await using var pair = await SocatPair.StartAsync(Wait.Token());
        var clock = new ScaledTimeProvider(300, Scenarios.Start); // 1000× failed in CI: 420 ms of serial lag is the 7 min between COOLING_STOP and CAP_OFF
        var settings = Settings.For(db.Path);
        settings["Controllers:Serial:Ports:0:Path"] = pair.PortB;
        settings["Controllers:Liveness:OfflineAfter"] = "00:30:00";
        settings["Sessions:ClockSkewThreshold"] = "01:00:00"; // 300×: a millisecond of delay reads as 0.3 s
        settings["Sessions:ControllerClockLimit"] = Settings.ClockLimitFor("01:00:00");
        await using var worker = await WorkerHost.StartAsync(settings, clock);
        await Wait.UntilAsync(() => worker.Services.GetRequiredService<ControllerPresence>().IsLinkUp("serial:" + pair.PortB), "the serial link");
        var nurse = new MarkerNurse(clock, "nurse-7");
        nurse.Attach(worker.Nurse);
        var chair = SimulatedChair.Numbered(0);

        // A busy test machine can stall the worker's reads for a moment and fill the pty; that is not the
        // port going away, so the simulated chair waits longer before it gives a write up.
        await using (var output = new SerialPortOutput(new SerialPortOutputOptions { PortName = pair.PortA, WriteTimeout = TimeSpan.FromSeconds(15) }))
        {
            await new SimulatedController(Scenarios.Light("normal"), chair, seed: 2, output, clock, clock.GetUtcNow())
                .RunAsync(nurse, Wait.Token(TimeSpan.FromSeconds(120)));
            Assert.Equal(0, output.Undelivered);
        }

        Assert.Empty(nurse.Failures);
        var sessionId = nurse.SessionByController[chair.ControllerId];
        await worker.CompletedByTheControllerAsync(sessionId);
        var detail = (await worker.Board.SessionAsync(sessionId, Wait.Token()))!;
        Assert.Equal(TimeSpan.FromMinutes(30), detail.Record.Phase(SessionPhase.PreCooling)!.Duration);
        Assert.Equal(TimeSpan.FromMinutes(60), detail.Record.Phase(SessionPhase.Infusion)!.Duration);
        Assert.Equal(TimeSpan.FromMinutes(90), detail.Record.Phase(SessionPhase.PostCooling)!.Duration);
        Assert.Empty(detail.Record.Deviations);
        Assert.True(detail.SampleCount > 2000, $"{detail.SampleCount} samples stored");
    }
}
