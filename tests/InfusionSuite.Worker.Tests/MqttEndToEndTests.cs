using InfusionSuite.Demo;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Worker.Tests;

/// <summary>Simulator → mosquitto → worker → SQLite file, on a clock 1000 times faster than real time.</summary>
public sealed class MqttEndToEndTests
{
    private const double Scale = 1000;

    [Fact(Timeout = 90_000)]
    public async Task FiveChairsOverMosquitto_NormalSessionHasExactPhaseMinutes_OthersTheirDeviations()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new ScaledTimeProvider(Scale, Scenarios.Start);
        await using var worker = await WorkerHost.StartAsync(Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-e2e-mqtt"), clock);
        var presence = worker.Services.GetRequiredService<ControllerPresence>();
        await Wait.UntilAsync(() => presence.IsLinkUp("mqtt"), "the MQTT link");
        var nurse = new MarkerNurse(clock, "nurse-7");
        nurse.Attach(worker.Nurse);

        string[] scenarios = ["normal", "short-precool", "interruption", "fault", "early-removal"];
        var start = clock.GetUtcNow();
        await Task.WhenAll(scenarios.Select((name, i) => MqttChairs.RunAsync(Scenarios.Light(name), SimulatedChair.Numbered(i), broker, clock, start, nurse)));
        Assert.Empty(nurse.Failures);

        var records = new Dictionary<string, ScalpCoolingSessionRecord>();
        for (var i = 0; i < scenarios.Length; i++)
        {
            var sessionId = nurse.SessionByController[SimulatedChair.Numbered(i).ControllerId];
            records[scenarios[i]] = await worker.CompletedByTheControllerAsync(sessionId);
        }

        var normal = records["normal"];
        Assert.Equal(TimeSpan.FromMinutes(30), normal.Phase(SessionPhase.PreCooling)!.Duration);
        Assert.Equal(TimeSpan.FromMinutes(60), normal.Phase(SessionPhase.Infusion)!.Duration);
        Assert.Equal(TimeSpan.FromMinutes(90), normal.Phase(SessionPhase.PostCooling)!.Duration);
        Assert.Empty(normal.Deviations);
        Assert.NotNull(normal.Calibration);

        Assert.Equal(15, Single(records["short-precool"], DeviationCode.ShortPrecool).Minutes);
        Assert.Equal(TimeSpan.FromMinutes(15), records["short-precool"].Phase(SessionPhase.PreCooling)!.Duration);
        Assert.Equal(8, Single(records["interruption"], DeviationCode.Interrupted).Minutes);
        Assert.True(records["fault"].HasDeviation(DeviationCode.DeviceFault));
        Assert.Equal(50, Single(records["early-removal"], DeviationCode.ShortPostcool).Minutes);
        Assert.Equal(TimeSpan.FromMinutes(40), records["early-removal"].Phase(SessionPhase.PostCooling)!.Duration);
    }

    private static SessionDeviation Single(ScalpCoolingSessionRecord record, DeviationCode code) =>
        Assert.Single(record.Deviations, d => d.Code == code);
}
