using System.Globalization;
using System.Text;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Worker.Tests;

/// <summary>
/// docs/clinical-rules.md, "Late documentation and ends", over mosquitto and the REST API: a start
/// entered after the cap went on, and an abort followed by the controller's CAP_OFF, each through a restart.
/// </summary>
public sealed class SessionEndsEndToEndTests
{
    private const string Boot = "1a7e57a7";
    private static readonly DateTimeOffset Nine = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 120_000)]
    public async Task StartEnteredTenMinutesLate_TakesTheControllersPlacementAndKeepsItAfterARestart()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new FakeTimeProvider(Nine);
        var settings = Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-late-start", clockSkewThreshold: "00:00:05");
        string id;
        DateTimeOffset placed;
        await using (var worker = await StartAsync(settings, clock))
        {
            using var nurse = await ApiNurse.SignUpAsync(worker, "lena");
            await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", "CHAIR-61", Wait.Token());
            var device = new Device(controller, clock, db.Path, "CHAIR-61");
            var capOn = clock.GetUtcNow();
            await device.EventAsync(ControllerEventKind.CapOn);
            await device.EventAsync(ControllerEventKind.CoolingStart);
            placed = clock.GetUtcNow();
            for (var i = 0; i < 10; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(59));
                await device.SampleAsync();
            }

            var started = await nurse.PostAsync("/api/sessions", Start("CHAIR-61", capOn - TimeSpan.FromMinutes(1)));
            id = started.GetProperty("sessionId").GetString()!;

            var page = await nurse.GetAsync("/api/sessions/" + id);
            Assert.Equal("PreCooling", page.GetProperty("status").GetString());
            Assert.Equal(placed, page.GetProperty("boundaries").GetProperty("capPlacedAt").GetDateTimeOffset());
            Assert.Equal(10, page.GetProperty("temperatures").GetProperty("coolant").GetProperty("samples").GetInt32());
        }

        await using (var again = await StartAsync(settings, clock))
        {
            var record = (await again.Board.SessionAsync(id, Wait.Token()))!.Record;
            Assert.Equal(placed, record.Boundaries.CapPlacedAt);
            Assert.Equal(10, record.Temperatures.Coolant.Samples);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task AbortThenControllerStopsAndCapOff_AbortedPerformedToTheCapOffAndTheEhrCorrected()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new FakeTimeProvider(Nine);
        var settings = Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-abort", clockSkewThreshold: "00:00:05");
        await using var worker = await StartAsync(settings, clock);
        using var nurse = await ApiNurse.SignUpAsync(worker, "omar");
        await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", "CHAIR-62", Wait.Token());
        var device = new Device(controller, clock, db.Path, "CHAIR-62");
        var id = (await nurse.PostAsync("/api/sessions", Start("CHAIR-62", null))).GetProperty("sessionId").GetString()!;
        await device.EventAsync(ControllerEventKind.CapOn);
        await device.EventAsync(ControllerEventKind.CoolingStart);
        var placed = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(20));
        await nurse.PostAsync($"/api/sessions/{id}/abort", new { reason = "Headache" });
        Assert.Equal(1, await OutboxItemsAsync(db.Path, id));

        clock.Advance(TimeSpan.FromMinutes(1));
        await device.EventAsync(ControllerEventKind.CoolingStop);
        clock.Advance(TimeSpan.FromMinutes(4));
        await device.EventAsync(ControllerEventKind.CapOff);

        var page = await nurse.GetAsync("/api/sessions/" + id);
        Assert.Equal("Aborted", page.GetProperty("status").GetString());
        Assert.Equal(clock.GetUtcNow(), page.GetProperty("boundaries").GetProperty("capRemovedAt").GetDateTimeOffset());
        Assert.Equal(placed, page.GetProperty("boundaries").GetProperty("capPlacedAt").GetDateTimeOffset());
        // Placement → CAP_OFF is 25 min 2 s (each event a second after the last): 26 min as shown, a minute begun counting
        // (docs/clinical-rules.md, "Minutes: one rounding rule"; it read 25 when minutes were cut down).
        Assert.Equal(TimeSpan.FromMinutes(25) + TimeSpan.FromSeconds(2), clock.GetUtcNow() - placed);
        Assert.Contains(page.GetProperty("deviations").EnumerateArray(), d => d.GetProperty("code").GetString() == "ABORTED" && d.GetProperty("minutes").GetInt32() == 26);
        await Wait.UntilAsync(async () => await OutboxItemsAsync(db.Path, id) >= 2, "the correction in the outbox");
        Assert.Equal(1, await StoredRows.ScalarAsync(db.Path, "SELECT count(*) FROM outbox WHERE session_id = $id AND payload LIKE '%after 26 min with the cap on%'", ("$id", id)));
    }

    [Fact(Timeout = 120_000)]
    public async Task NurseRemovedCapThenControllerCapOff_TemperaturesRunToTheCapOffAndTheEhrIsCorrected()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new FakeTimeProvider(Nine);
        await using var worker = await StartAsync(Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-capoff", clockSkewThreshold: "00:00:05"), clock);
        using var nurse = await ApiNurse.SignUpAsync(worker, "rhea");
        await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", "CHAIR-62", Wait.Token());
        var device = new Device(controller, clock, db.Path, "CHAIR-62");
        var id = (await nurse.PostAsync("/api/sessions", Start("CHAIR-62", null))).GetProperty("sessionId").GetString()!;
        await device.EventAsync(ControllerEventKind.CapOn);
        await device.EventAsync(ControllerEventKind.CoolingStart);
        await device.SampleAsync();
        clock.Advance(TimeSpan.FromMinutes(30));
        await nurse.PostAsync($"/api/sessions/{id}/infusion-started");
        clock.Advance(TimeSpan.FromMinutes(30));
        await nurse.PostAsync($"/api/sessions/{id}/infusion-ended");
        clock.Advance(TimeSpan.FromMinutes(90));
        await device.EventAsync(ControllerEventKind.CoolingStop);
        clock.Advance(TimeSpan.FromMinutes(1));
        await nurse.PostAsync($"/api/sessions/{id}/cap-removed");
        Assert.Equal(1, await OutboxItemsAsync(db.Path, id));

        // The cap is still on the controller: a warming sample, then its CAP_OFF moves the end.
        clock.Advance(TimeSpan.FromSeconds(30));
        await device.SampleAsync(ControllerState.Standby, coolant: 15.0m);
        clock.Advance(TimeSpan.FromSeconds(30));
        await device.EventAsync(ControllerEventKind.CapOff);

        var page = await nurse.GetAsync("/api/sessions/" + id);
        Assert.Equal(clock.GetUtcNow(), page.GetProperty("boundaries").GetProperty("endedAt").GetDateTimeOffset());
        var coolant = page.GetProperty("temperatures").GetProperty("coolant");
        Assert.Equal(2, coolant.GetProperty("samples").GetInt32());
        Assert.Equal(15.0m, coolant.GetProperty("max").GetDecimal());
        await Wait.UntilAsync(async () => await OutboxItemsAsync(db.Path, id) >= 2, "the correction in the outbox");
        Assert.Equal(1, await StoredRows.ScalarAsync(db.Path, "SELECT count(*) FROM outbox WHERE session_id = $id AND content_type = 'application/fhir+json' AND payload LIKE '%\"value\":15.0%'", ("$id", id)));
    }

    private static async Task<WorkerHost> StartAsync(Dictionary<string, string?> settings, TimeProvider clock)
    {
        var worker = await WorkerHost.StartAsync(settings, clock);
        var presence = worker.Services.GetRequiredService<ControllerPresence>();
        await Wait.UntilAsync(() => presence.IsLinkUp("mqtt"), "the MQTT link");
        return worker;
    }

    private static Task<long> OutboxItemsAsync(string db, string sessionId) =>
        StoredRows.ScalarAsync(db, "SELECT count(*) FROM outbox WHERE session_id = $id AND content_type = 'application/fhir+json'", ("$id", sessionId));

    private static object Start(string controllerId, DateTimeOffset? effectiveAt) => new
    {
        controllerId, patientReference = "MRN-900222", patientName = "Late Patient", administrationId = "ma-61",
        primaryCptCode = "96413", regimenPreset = "Standard", firstOfCourse = false, effectiveAt,
        confirmUnheardController = true, // CHAIR-62 is started before its controller speaks
    };

    /// <summary>A controller on a true clock; each message a second after the last, waited for until stored.</summary>
    private sealed class Device(MqttTestController controller, FakeTimeProvider clock, string db, string controllerId)
    {
        private uint _seq;

        public async Task SampleAsync(ControllerState state = ControllerState.Cooling, decimal coolant = -4.0m)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var sample = new TelemetrySample(
                controllerId, uint.Parse(Boot, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), _seq++, clock.GetUtcNow(),
                state, Temperature.FromCelsius(coolant), Temperature.FromCelsius(18.0m), 600, true, ControllerAlarms.None);
            await controller.PublishRawAsync("telemetry", Encoding.UTF8.GetString(CcpJsonWriter.Telemetry(sample)), Wait.Token());
            await StoredAsync();
        }

        public async Task EventAsync(ControllerEventKind kind)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var e = new ControllerEvent(controllerId, uint.Parse(Boot, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), _seq++, clock.GetUtcNow(), kind, null);
            await controller.PublishRawAsync("event", Encoding.UTF8.GetString(CcpJsonWriter.Event(e)), Wait.Token());
            await StoredAsync();
        }

        private Task StoredAsync()
        {
            var count = _seq;
            return Wait.UntilAsync(
                async () => await StoredRows.ScalarAsync(db, """
                    SELECT (SELECT count(*) FROM telemetry t JOIN controllers c ON c.controller_key = t.controller_key WHERE c.controller_id = $c)
                         + (SELECT count(*) FROM session_inputs i JOIN controllers c ON c.controller_key = i.controller_key WHERE c.controller_id = $c AND i.seq IS NOT NULL)
                    """, ("$c", controllerId)) >= count,
                "the controller's message stored");
        }
    }
}
