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
/// A controller whose clock is 4 minutes slow, live over mosquitto, with a nurse on the REST API
/// (docs/clinical-rules.md, "Clocks", case 1): its events land where they happened, the skew is on
/// the chair's card and in the note that goes to the EHR.
/// </summary>
public sealed class ControllerClockEndToEndTests
{
    private const string ControllerId = "CHAIR-51";
    private const string Boot = "5a1e0c4d";
    private static readonly DateTimeOffset Nine = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_slow = TimeSpan.FromMinutes(4);

    [Fact(Timeout = 120_000)]
    public async Task SlowControllerClockOverMqtt_PlacementAtTheRealMoment_ShortPrecoolFound_SkewShownAndSentToTheEhr()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new FakeTimeProvider(Nine);
        var settings = Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-clock-e2e", clockSkewThreshold: "00:00:05");
        await using var worker = await WorkerHost.StartAsync(settings, clock);
        var presence = worker.Services.GetRequiredService<ControllerPresence>();
        await Wait.UntilAsync(() => presence.IsLinkUp("mqtt"), "the MQTT link");
        using var nurse = await ApiNurse.SignUpAsync(worker, "clara");
        await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", ControllerId, Wait.Token());
        await controller.PublishOnlineAsync(Boot, Wait.Token());

        var started = await nurse.PostAsync("/api/sessions", new
        {
            controllerId = ControllerId, patientReference = "MRN-900111", patientName = "Clock Patient", administrationId = "ma-51",
            primaryCptCode = "96413", regimenPreset = "Docetaxel q3w, short", firstOfCourse = false,
            confirmUnheardController = true, // its status may still be on its way to the writer
        });
        var id = started.GetProperty("sessionId").GetString()!;
        var device = new SlowController(controller, worker, clock, id);

        await device.SampleAsync(ControllerState.Prechill, capConnected: false);
        await device.EventAsync(ControllerEventKind.CapOn);
        await device.SampleAsync(ControllerState.Prechill, capConnected: true);
        await device.EventAsync(ControllerEventKind.CoolingStart);
        var placed = clock.GetUtcNow();

        var page = await nurse.GetAsync("/api/sessions/" + id);
        Assert.Equal("PreCooling", page.GetProperty("status").GetString());
        Assert.Equal(placed, page.GetProperty("boundaries").GetProperty("capPlacedAt").GetDateTimeOffset());
        Assert.Contains("4 min 0 s slow", page.GetProperty("live").GetProperty("clockWarning").GetString(), StringComparison.Ordinal);
        var board = await nurse.GetAsync("/api/board");
        var card = board.GetProperty("chairs").EnumerateArray().Single(c => c.GetProperty("controllerId").GetString() == ControllerId);
        Assert.Contains("slow", card.GetProperty("clockWarning").GetString(), StringComparison.Ordinal);

        await device.CoolAsync(minutes: 27);
        await nurse.PostAsync($"/api/sessions/{id}/infusion-started");
        page = await nurse.GetAsync("/api/sessions/" + id);
        Assert.Equal(27 * 60, page.GetProperty("phases")[0].GetProperty("durationSeconds").GetInt64());
        Assert.Contains(page.GetProperty("deviations").EnumerateArray(), d => d.GetProperty("code").GetString() == "SHORT_PRECOOL");

        await device.CoolAsync(minutes: 10);
        await nurse.PostAsync($"/api/sessions/{id}/infusion-ended");
        await device.CoolAsync(minutes: 20);
        await device.EventAsync(ControllerEventKind.CoolingStop);
        clock.Advance(TimeSpan.FromMinutes(5));
        await device.EventAsync(ControllerEventKind.CapOff);

        page = await nurse.GetAsync("/api/sessions/" + id);
        Assert.Equal("Completed", page.GetProperty("status").GetString());
        Assert.Equal((20 * 60) + 1, page.GetProperty("phases")[2].GetProperty("durationSeconds").GetInt64()); // the stop came a second after the last sample
        Assert.DoesNotContain(page.GetProperty("deviations").EnumerateArray(), d => d.GetProperty("code").GetString() == "SHORT_POSTCOOL");
        await Wait.UntilAsync(
            async () => await StoredRows.ScalarAsync(db.Path, "SELECT count(*) FROM outbox WHERE session_id = $id AND payload LIKE '%Controller clock 4 min 0 s slow%'", ("$id", id)) > 0,
            "the EHR note to carry the skew");
    }

    /// <summary>Publishes with ts 4 minutes behind the server's clock, one second apart, and waits until the session took each message.</summary>
    private sealed class SlowController(MqttTestController controller, WorkerHost worker, FakeTimeProvider clock, string sessionId)
    {
        private uint _seq;

        public async Task SampleAsync(ControllerState state, bool capConnected)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var sample = new TelemetrySample(
                ControllerId, uint.Parse(Boot, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), _seq++, clock.GetUtcNow() - s_slow,
                state, Temperature.FromCelsius(-4.0m), Temperature.FromCelsius(18.0m), 600, capConnected, ControllerAlarms.None);
            await controller.PublishRawAsync("telemetry", Encoding.UTF8.GetString(CcpJsonWriter.Telemetry(sample)), Wait.Token());
            await TakenAsync();
        }

        public async Task EventAsync(ControllerEventKind kind)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var e = new ControllerEvent(
                ControllerId, uint.Parse(Boot, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), _seq++, clock.GetUtcNow() - s_slow, kind, null);
            await controller.PublishRawAsync("event", Encoding.UTF8.GetString(CcpJsonWriter.Event(e)), Wait.Token());
            await TakenAsync();
        }

        /// <summary>A cooling sample a minute, for as many minutes.</summary>
        public async Task CoolAsync(int minutes)
        {
            for (var i = 0; i < minutes; i++)
            {
                clock.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromSeconds(1));
                await SampleAsync(ControllerState.Cooling, capConnected: true);
            }
        }

        private Task TakenAsync()
        {
            var now = clock.GetUtcNow();
            return Wait.UntilAsync(async () => (await worker.Board.SessionAsync(sessionId, Wait.Token()))?.Record.AsOf >= now, "the session to take the message");
        }
    }
}
