using InfusionSuite.Application.Nursing;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Worker.Tests;

/// <summary>A message acknowledged is a message stored: the writer dies around a commit, a new host takes over.</summary>
public sealed class CrashTests
{
    private const string Chair = "CHAIR-21";
    private const string Boot = "5eed0001";
    private static readonly DateTimeOffset NineOClock = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Theory(Timeout = 60_000)]
    [InlineData("before")]
    [InlineData("after")]
    public async Task WorkerDiesAroundTheCommitOfSampleFive_SampleIsRedeliveredAndStoredOnce(string when)
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new ScaledTimeProvider(1, NineOClock);
        var settings = Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-crash-" + when);
        static bool HasSampleFive(Application.Ports.IngestBatch b) => b.Telemetry.Any(t => t.Sample.Seq == 5);
        var crashing = when == "before"
            ? new CrashingStore { CrashBeforeCommit = HasSampleFive }
            : new CrashingStore { CrashAfterCommit = HasSampleFive };

        string sessionId;
        await using (var first = await WorkerHost.StartAsync(settings, clock, crashing))
        {
            first.ExpectErrors("Simulated crash"); // the crashing store stops the writer on purpose
            await Wait.UntilAsync(() => first.Services.GetRequiredService<ControllerPresence>().IsLinkUp("mqtt"), "the MQTT link");
            var started = await first.Nurse.StartSessionAsync(Request(), Wait.Token());
            Assert.True(started.IsAccepted, started.Message);
            sessionId = started.SessionId!;
            await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", Chair, Wait.Token());
            for (uint seq = 1; seq <= 10; seq++)
            {
                await controller.PublishTelemetryAsync(Boot, seq, Wait.Token());
            }

            await crashing.Crashed.WaitAsync(Wait.Limit);
            await Wait.UntilAsync(() => first.State.HasFailed, "the writer to stop");
        }

        var storedBeforeRestart = await StoredRows.SeqsAsync(db.Path, Chair);
        Assert.Equal(when == "after", storedBeforeRestart.Contains(5));

        await using var second = await WorkerHost.StartAsync(settings, clock);
        await Wait.UntilAsync(async () => (await StoredRows.SeqsAsync(db.Path, Chair)).Count >= 10, "ten samples stored");
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System); // anything more would be a duplicate

        var stored = await StoredRows.SeqsAsync(db.Path, Chair);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), stored.Order());
        var detail = await second.Board.SessionAsync(sessionId, Wait.Token());
        Assert.Equal(10, detail!.SampleCount);
        Assert.Equal(10, detail.Record.Temperatures.Coolant.Samples);
    }

    private static StartSessionRequest Request() => new(
        "nurse-3", Chair, "course-21", "patient-21", new ChemoAdministration("ma-21", "96413"),
        RegimenPreset: "Standard", EffectiveAt: NineOClock, ConfirmUnheardController: true);
}
