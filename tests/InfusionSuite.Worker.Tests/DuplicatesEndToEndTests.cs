using System.Globalization;
using System.Text;
using InfusionSuite.Application.Ingest;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Worker.Tests;

/// <summary>
/// Issue 13, "Controllers that reuse a boot id", over mosquitto and the REST API: a message delivered twice
/// (QoS 1 redelivery) is counted as a duplicate and counted once in the session; a controller that
/// restarts with the same boot id and counts from seq 0 again is logged and counted as a collision, its
/// new run is kept, and after a restart the session page shows the same (what was stored).
/// </summary>
public sealed class DuplicatesEndToEndTests
{
    private const string ControllerId = "CHAIR-55";
    private const string Boot = "5e7b0005";
    private static readonly DateTimeOffset s_nine = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 120_000)]
    public async Task RedeliveredSampleCountedOnce_ReusedBootIdIsANewRunNotDuplicates_PageShowsWhatWasStoredAfterARestart()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new FakeTimeProvider(s_nine);
        var settings = Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-duplicates-e2e", clockSkewThreshold: "00:00:05");
        await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", ControllerId, Wait.Token());
        string id;
        await using (var worker = await WorkerHost.StartAsync(settings, clock))
        {
            using var counts = new MeterCounts(worker.Services);
            await Wait.UntilAsync(() => worker.Services.GetRequiredService<ControllerPresence>().IsLinkUp("mqtt"), "the MQTT link");
            using var nurse = await ApiNurse.SignUpAsync(worker, "tove");
            await controller.PublishOnlineAsync(Boot, Wait.Token());
            var started = await nurse.PostAsync("/api/sessions", new
            {
                controllerId = ControllerId, patientReference = "MRN-900551", patientName = "Duplicate Patient", administrationId = "ma-55",
                primaryCptCode = "96413", regimenPreset = "Docetaxel q3w, short", firstOfCourse = false,
                confirmUnheardController = true, // its status may still be on its way to the writer
            });
            id = started.GetProperty("sessionId").GetString()!;

            string? last = null;
            for (uint seq = 0; seq < 5; seq++)
            {
                last = await SampleAsync(controller, worker, clock, id, seq);
            }

            await controller.PublishRawAsync("telemetry", last!, Wait.Token()); // delivered again, as after a lost PUBACK
            await Wait.UntilAsync(() => counts[CcpMetrics.DuplicateName] == 1, "the redelivery to be counted as a duplicate");
            Assert.Equal(5, (await nurse.GetAsync("/api/sessions/" + id)).GetProperty("sampleCount").GetInt32());

            clock.Advance(TimeSpan.FromMinutes(2)); // the controller restarts and draws the same boot id again
            await controller.PublishOnlineAsync(Boot, Wait.Token());
            for (uint seq = 0; seq < 5; seq++)
            {
                await SampleAsync(controller, worker, clock, id, seq);
            }

            Assert.Equal(1, counts[IngestMetrics.SequenceCollisionsName]);
            Assert.Equal(1, counts[CcpMetrics.DuplicateName]);
            Assert.Equal(10, (await nurse.GetAsync("/api/sessions/" + id)).GetProperty("sampleCount").GetInt32());
        }

        await using var again = await WorkerHost.StartAsync(settings, clock);
        using var reader = await ApiNurse.SignUpAsync(again, "ulla");
        var page = await reader.GetAsync("/api/sessions/" + id);
        Assert.Equal(10, page.GetProperty("sampleCount").GetInt32());
        Assert.Equal(10, await StoredRows.ScalarAsync(db.Path, "SELECT count(*) FROM telemetry"));
    }

    /// <summary>
    /// Nothing a device sent is lost (issue 13): the controller's events go out on one MQTT connection, its
    /// samples on another that is held back (a reconnect), so 200 samples arrive behind 70 later events. Every
    /// sample is stored, none counted as a duplicate; then one sample delivered again is counted and still
    /// stored once.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task SamplesArrivingBehindLaterEventsOnAnotherConnection_AreAllStored_ARedeliveryOnce()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new FakeTimeProvider(s_nine);
        var settings = Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-held-back-e2e", clockSkewThreshold: "00:00:05");
        await using var events = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", ControllerId, Wait.Token(), connection: "events");
        await using var telemetry = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", ControllerId, Wait.Token(), connection: "telemetry");
        await using var worker = await WorkerHost.StartAsync(settings, clock);
        using var counts = new MeterCounts(worker.Services);
        await Wait.UntilAsync(() => worker.Services.GetRequiredService<ControllerPresence>().IsLinkUp("mqtt"), "the MQTT link");
        using var nurse = await ApiNurse.SignUpAsync(worker, "vera");
        await events.PublishOnlineAsync(Boot, Wait.Token());
        var started = await nurse.PostAsync("/api/sessions", new
        {
            controllerId = ControllerId, patientReference = "MRN-900552", patientName = "Held Back", administrationId = "ma-56",
            primaryCptCode = "96413", regimenPreset = "Docetaxel q3w, short", firstOfCourse = false, confirmUnheardController = true,
        });
        var id = started.GetProperty("sessionId").GetString()!;
        var boot = uint.Parse(Boot, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        var t0 = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(300));
        var taken = counts[IngestMetrics.MessagesName];
        for (uint seq = 200; seq < 270; seq++)
        {
            var setpoint = new ControllerEvent(ControllerId, boot, seq, t0.AddSeconds(seq), ControllerEventKind.Setpoint, "-4.0");
            await events.PublishRawAsync("event", Encoding.UTF8.GetString(CcpJsonWriter.Event(setpoint)), Wait.Token());
        }

        await Wait.UntilAsync(() => counts[IngestMetrics.MessagesName] >= taken + 70, "the writer to take the 70 events");
        string? first = null;
        for (uint seq = 0; seq < 200; seq++)
        {
            var sample = new TelemetrySample(
                ControllerId, boot, seq, t0.AddSeconds(seq), ControllerState.Cooling, Temperature.FromCelsius(-4.0m), Temperature.FromCelsius(18.0m), 600, true, ControllerAlarms.None);
            var payload = Encoding.UTF8.GetString(CcpJsonWriter.Telemetry(sample));
            first ??= payload;
            await telemetry.PublishRawAsync("telemetry", payload, Wait.Token());
        }

        await Wait.UntilAsync(async () => (await nurse.GetAsync("/api/sessions/" + id)).GetProperty("sampleCount").GetInt32() == 200, "all 200 held-back samples in the session");
        Assert.Equal(0, counts[CcpMetrics.DuplicateName]);
        Assert.Equal(200, await StoredRows.ScalarAsync(db.Path, "SELECT count(*) FROM telemetry"));

        await telemetry.PublishRawAsync("telemetry", first!, Wait.Token()); // delivered again, as after a lost PUBACK
        await Wait.UntilAsync(() => counts[CcpMetrics.DuplicateName] == 1, "the redelivery to be counted as a duplicate");
        Assert.Equal(200, (await nurse.GetAsync("/api/sessions/" + id)).GetProperty("sampleCount").GetInt32());
        Assert.Equal(200, await StoredRows.ScalarAsync(db.Path, "SELECT count(*) FROM telemetry"));
    }

    /// <summary>Publishes a cooling sample a second later than the last and waits until the session took it; returns the payload.</summary>
    private static async Task<string> SampleAsync(MqttTestController controller, WorkerHost worker, FakeTimeProvider clock, string sessionId, uint seq)
    {
        clock.Advance(TimeSpan.FromSeconds(1));
        var sample = new TelemetrySample(
            ControllerId, uint.Parse(Boot, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), seq, clock.GetUtcNow(),
            ControllerState.Cooling, Temperature.FromCelsius(-4.0m), Temperature.FromCelsius(18.0m), 600, true, ControllerAlarms.None);
        var payload = Encoding.UTF8.GetString(CcpJsonWriter.Telemetry(sample));
        await controller.PublishRawAsync("telemetry", payload, Wait.Token());
        var now = clock.GetUtcNow();
        await Wait.UntilAsync(async () => (await worker.Board.SessionAsync(sessionId, Wait.Token()))?.Record.AsOf >= now, "the session to take the sample");
        return payload;
    }
}
