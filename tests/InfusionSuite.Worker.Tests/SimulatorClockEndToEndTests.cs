using InfusionSuite.Demo;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Worker.Tests;

/// <summary>
/// The simulator's clock options (<c>--clock-skew</c>, <c>--clock-step</c>) drive the real worker over
/// mosquitto, with the nurse on the markers, at 300× (docs/clinical-rules.md, "Clocks"): a slow clock
/// and steps back and forward give the sessions that really happened. At this scale 3.3 ms of real delay is a
/// simulated second, and a loaded machine delays one message more than another by a tenth of a second or more
/// (seen: 2.5 simulated minutes at 1000×); so the errors are hours, beyond the scaled skew threshold (1 h),
/// pre- and post-cooling run three minutes past their targets, and the durations are checked to ±2 min. The
/// exact boundaries are the domain's tests on a fake clock (DeviceTimeTests); this test is about the options
/// driving the real product to the right kinds of outcome.
/// </summary>
public sealed class SimulatorClockEndToEndTests
{
    private const double Scale = 300;

    [Fact(Timeout = 150_000)]
    public async Task SlowAndSteppingControllerClocks_GiveTheSessionsThatReallyHappened()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new ScaledTimeProvider(Scale, Scenarios.Start);
        await using var worker = await WorkerHost.StartAsync(Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-e2e-clocks"), clock);
        var presence = worker.Services.GetRequiredService<ControllerPresence>();
        await Wait.UntilAsync(() => presence.IsLinkUp("mqtt"), "the MQTT link");
        var nurse = new MarkerNurse(clock, "nurse-8");
        nurse.Attach(worker.Nurse);
        (string Scenario, ControllerClockError Clock)[] chairs =
        [
            ("short-precool", new ControllerClockError { Skew = TimeSpan.FromHours(-2) }),
            ("normal", new ControllerClockError { StepAfter = TimeSpan.FromMinutes(80), StepBy = TimeSpan.FromHours(3) }),
            ("interruption", new ControllerClockError { StepAfter = TimeSpan.FromMinutes(73), StepBy = TimeSpan.FromHours(-3) }), // inside the 8-min pause
        ];

        var start = clock.GetUtcNow();
        await Task.WhenAll(chairs.Select((c, i) => MqttChairs.RunAsync(Scenarios.PastTheTargets(c.Scenario), SimulatedChair.Numbered(i), broker, clock, start, nurse, c.Clock)));
        Assert.Empty(nurse.Failures);

        var records = new List<ScalpCoolingSessionRecord>();
        for (var i = 0; i < chairs.Length; i++)
        {
            var sessionId = nurse.SessionByController[SimulatedChair.Numbered(i).ControllerId];
            await Wait.UntilAsync(async () => (await worker.Board.SessionAsync(sessionId, Wait.Token()))?.Record.Status == SessionStatus.Completed, sessionId + " completed");
            records.Add((await worker.Board.SessionAsync(sessionId, Wait.Token()))!.Record);
        }

        var slow = records[0];
        Scenarios.Near(TimeSpan.FromMinutes(15), Assert.Single(slow.Deviations, d => d.Code == DeviationCode.ShortPrecool).Duration);
        Assert.Single(slow.Deviations);
        Assert.True(slow.Controller.ClockSkew.Flagged);
        Scenarios.Near(TimeSpan.FromHours(-2), slow.Controller.ClockSkew.ControllerAhead!.Value);

        var steppedForward = records[1];
        Assert.Empty(steppedForward.Deviations);
        Assert.Equal(0, steppedForward.Interruptions.Count);
        Assert.Equal(1, steppedForward.Controller.ClockSkew.Steps);

        var steppedBack = records[2];
        Scenarios.Near(TimeSpan.FromMinutes(8), Assert.Single(steppedBack.Deviations, d => d.Code == DeviationCode.Interrupted).Duration);
        Assert.Single(steppedBack.Deviations);
        Assert.Equal(1, steppedBack.Interruptions.Count);
        Assert.Equal(1, steppedBack.Controller.ClockSkew.Steps);
    }
}
