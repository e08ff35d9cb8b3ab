using InfusionSuite.Application.Ingest;
using InfusionSuite.Demo;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Worker.Tests;

/// <summary>Corrupt frames and an unknown controller during a session: counted, kept apart, the session unaffected.</summary>
public sealed class IntruderTests
{
    [Fact(Timeout = 90_000)]
    public async Task GarbageFramesAndUnknownController_AreCountedAndTheSessionIsUnaffected()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new ScaledTimeProvider(1000, Scenarios.Start);
        await using var worker = await WorkerHost.StartAsync(Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-intruders"), clock);
        using var counts = new MeterCounts(worker.Services);
        await Wait.UntilAsync(() => worker.Services.GetRequiredService<ControllerPresence>().IsLinkUp("mqtt"), "the MQTT link");
        var nurse = new MarkerNurse(clock, "nurse-7");
        nurse.Attach(worker.Nurse);
        var chair = SimulatedChair.Numbered(0);

        using var stop = new CancellationTokenSource();
        var ghost = GhostAsync(broker, stop.Token);
        await using (var output = new MqttControllerOutput(new MqttOutputOptions { Host = broker.Host, Port = broker.Port, Site = "clinic", ControllerId = chair.ControllerId }))
        {
            await new SimulatedController(Scenarios.Light("garbage"), chair, seed: 3, output, clock, clock.GetUtcNow())
                .RunAsync(nurse, Wait.Token(TimeSpan.FromSeconds(80)));
        }

        await stop.CancelAsync();
        var ghostSent = await ghost;

        Assert.Empty(nurse.Failures);
        var sessionId = nurse.SessionByController[chair.ControllerId];
        var record = await worker.CompletedByTheControllerAsync(sessionId);
        Assert.Equal(TimeSpan.FromMinutes(30), record.Phase(SessionPhase.PreCooling)!.Duration);
        Assert.Equal(TimeSpan.FromMinutes(60), record.Phase(SessionPhase.Infusion)!.Duration);
        Assert.Equal(TimeSpan.FromMinutes(90), record.Phase(SessionPhase.PostCooling)!.Duration);
        Assert.Empty(record.Deviations);

        Assert.True(counts[CcpMetrics.RejectedName] >= 20, $"{counts[CcpMetrics.RejectedName]} frames rejected");
        Assert.True(ghostSent > 0);
        await Wait.UntilAsync(() => counts[IngestMetrics.UnassignedName] >= ghostSent, "the ghost's samples");
        // The count is taken before the commit: wait for the last batch to be stored too.
        await Wait.UntilAsync(async () => (await StoredRows.SeqsAsync(db.Path, "GHOST-01")).Count >= ghostSent, "the ghost's samples stored");
        Assert.Equal(ghostSent, (await StoredRows.SeqsAsync(db.Path, "GHOST-01")).Count);
        Assert.Equal(0, await StoredRows.ScalarAsync(db.Path, """
            SELECT count(*) FROM telemetry t JOIN controllers c ON c.controller_key = t.controller_key
            WHERE c.controller_id = 'GHOST-01' AND t.session_key IS NOT NULL
            """));
    }

    /// <summary>A controller nobody started a session on, publishing until stopped.</summary>
    private static async Task<int> GhostAsync(MosquittoBroker broker, CancellationToken stop)
    {
        await using var ghost = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", "GHOST-01", Wait.Token());
        var sent = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await ghost.PublishTelemetryAsync("0badf00d", (uint)++sent, Wait.Token());
                await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // done
        }

        return sent;
    }
}
