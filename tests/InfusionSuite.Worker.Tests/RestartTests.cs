using System.Text.Json;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Demo;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Worker.Tests;

/// <summary>Restarts: open sessions rebuilt exactly, the MQTT persistent session delivers what came meanwhile.</summary>
public sealed class RestartTests
{
    private const double Scale = 1000;

    [Fact(Timeout = 90_000)]
    public async Task WorkerKilledMidInfusion_SessionCompletesWithExactPhasesAndEverySampleOnce()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new ScaledTimeProvider(Scale, Scenarios.Start);
        var settings = Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-restart");
        var nurse = new MarkerNurse(clock, "nurse-7");
        var chair = SimulatedChair.Numbered(0);
        var scenario = Scenarios.Light("normal");
        var crashing = new CrashingStore();

        var first = await WorkerHost.StartAsync(settings, clock, crashing);
        first.ExpectErrors("Simulated crash"); // the crashing store stops the writer on purpose
        await Wait.UntilAsync(() => first.Services.GetRequiredService<ControllerPresence>().IsLinkUp("mqtt"), "the MQTT link");
        nurse.Attach(first.Nurse);
        var start = clock.GetUtcNow();
        var run = RunAsync(scenario, chair, broker, clock, start, nurse);

        await Wait.UntilAsync(() => first.Board.Current().Any(r => r.Record?.Status == SessionStatus.Infusing), "the infusion to start");
        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System); // 500 s of simulated infusion
        nurse.Detach();
        crashing.DieNow();
        await Wait.UntilAsync(() => first.State.HasFailed, "the writer to die");
        await first.DisposeAsync();

        await using var second = await WorkerHost.StartAsync(settings, clock);
        Assert.Equal(1, second.State.SessionsRebuilt);
        nurse.Attach(second.Nurse);
        await run;
        Assert.Empty(nurse.Failures);

        var sessionId = nurse.SessionByController[chair.ControllerId];
        await Wait.UntilAsync(async () => (await second.Board.SessionAsync(sessionId, Wait.Token()))?.Record.Status == SessionStatus.Completed, "completion");

        // Every sample the chair sent is stored once; those inside the session belong to it.
        var sent = ControllerTimeline.Generate(scenario, chair, 1, start).OfType<TelemetryItem>().Select(t => t.Sample).ToList();
        // The chair's last samples come after the removal and may still be on their way to a commit: the record is read once
        // all are stored and published (a record read while the session still takes warm-up samples is not its last; the
        // writer stores a batch before it publishes the record).
        await Wait.UntilAsync(async () => (await StoredRows.SeqsAsync(db.Path, chair.ControllerId)).Count >= sent.Count, "every sample sent to be stored");
        await Wait.UntilAsync(
            async () => (await second.Board.SessionAsync(sessionId, Wait.Token()))!.SampleCount == (await StoredRows.SessionSeqsAsync(db.Path, sessionId)).Count,
            "the record with every stored sample of the session");
        var detail = (await second.Board.SessionAsync(sessionId, Wait.Token()))!;
        var record = detail.Record;
        Assert.Equal(TimeSpan.FromMinutes(30), record.Phase(SessionPhase.PreCooling)!.Duration);
        Assert.Equal(TimeSpan.FromMinutes(60), record.Phase(SessionPhase.Infusion)!.Duration);
        Assert.Equal(TimeSpan.FromMinutes(90), record.Phase(SessionPhase.PostCooling)!.Duration);
        Assert.Empty(record.Deviations);
        var stored = await StoredRows.SeqsAsync(db.Path, chair.ControllerId);
        Assert.Equal(sent.Select(s => (long)s.Seq).Order(), stored.Order());
        var inSession = sent.Where(s => s.Timestamp >= record.StartedAt && s.Timestamp <= record.Boundaries.EndedAt).Select(s => (long)s.Seq).ToHashSet();
        var sessionSeqs = await StoredRows.SessionSeqsAsync(db.Path, sessionId);
        Assert.Subset(sessionSeqs.ToHashSet(), inSession);
        Assert.Equal(sessionSeqs.Count, detail.SampleCount);
        Assert.Equal(sessionSeqs.Count, record.Temperatures.Coolant.Samples + sent.Count(s => !s.CapConnected && sessionSeqs.Contains(s.Seq)));
    }

    [Fact(Timeout = 60_000)]
    public async Task WorkerRestarted_OpenSessionIsRebuiltExactlyAsItWas()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var nine = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var clock = new ScaledTimeProvider(1, nine);
        var settings = Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-rebuild");
        string before;
        string sessionId;
        await using (var first = await WorkerHost.StartAsync(settings, clock))
        {
            await Wait.UntilAsync(() => first.Services.GetRequiredService<ControllerPresence>().IsLinkUp("mqtt"), "the MQTT link");
            var started = await first.Nurse.StartSessionAsync(
                new("nurse-1", "CHAIR-31", "course-31", "patient-31", new ChemoAdministration("ma-31", "96413"), RegimenPreset: "Standard", EffectiveAt: nine, ConfirmUnheardController: true),
                Wait.Token());
            sessionId = started.SessionId!;
            await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", "CHAIR-31", Wait.Token());
            await controller.PublishRawAsync("event", """{"boot":"0000beef","seq":1,"ts":"2026-11-27T09:00:00.500Z","event":"CAP_ON","detail":null}""", Wait.Token());
            await controller.PublishRawAsync("event", """{"boot":"0000beef","seq":2,"ts":"2026-11-27T09:00:00.600Z","event":"COOLING_START","detail":null}""", Wait.Token());
            for (uint seq = 3; seq <= 12; seq++)
            {
                await controller.PublishTelemetryAsync("0000beef", seq, Wait.Token());
            }

            await Wait.UntilAsync(async () => (await first.Board.SessionAsync(sessionId, Wait.Token()))!.SampleCount == 10, "ten samples");
            var record = (await first.Board.SessionAsync(sessionId, Wait.Token()))!.Record;
            Assert.Equal(SessionStatus.PreCooling, record.Status);
            before = JsonSerializer.Serialize(record);
        }

        await using var second = await WorkerHost.StartAsync(settings, clock);
        var rebuilt = Assert.Single(second.Board.Current(), r => r.SessionId == sessionId).Record!;
        Assert.Equal(before, JsonSerializer.Serialize(rebuilt));
    }

    private static async Task RunAsync(Simulator.Scenarios.Scenario scenario, SimulatedChair chair, MosquittoBroker broker, TimeProvider clock, DateTimeOffset start, ISimulationObserver nurse)
    {
        await using var output = new MqttControllerOutput(new MqttOutputOptions { Host = broker.Host, Port = broker.Port, Site = "clinic", ControllerId = chair.ControllerId });
        await new SimulatedController(scenario, chair, seed: 1, output, clock, start).RunAsync(nurse, Wait.Token(TimeSpan.FromSeconds(80)));
    }
}
