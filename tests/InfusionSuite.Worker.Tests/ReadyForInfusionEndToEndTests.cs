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
/// Issue 13, "Setpoint and ready for infusion", over mosquitto and the REST API: a controller announces
/// its SETPOINT while pre-chilling, before any session, and the worker restarts; the session started
/// afterwards judges the coolant against it (−4.7 °C against −5.0 °C is at setpoint) and shows "ready for
/// infusion". A controller that never reported one, of a model with no setting, is said to be unjudgeable.
/// "Cap placed" pressed before the controller cools: the card says "not cooling", and pre-cooling counts
/// only the minutes cooling.
/// </summary>
public sealed class ReadyForInfusionEndToEndTests
{
    private static readonly DateTimeOffset s_nine = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 120_000)]
    public async Task SetpointAnnouncedBeforeTheStartAndARestart_BelongsToTheSession_ReadyForInfusion_UnknownSetpointSaidPlainly()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new FakeTimeProvider(s_nine);
        var settings = Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-setpoint-e2e", clockSkewThreshold: "00:00:05");
        await using var known = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", "CHAIR-52", Wait.Token());
        await using var silent = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", "CHAIR-53", Wait.Token());

        await using (var first = await WorkerHost.StartAsync(settings, clock))
        {
            await Wait.UntilAsync(() => first.Services.GetRequiredService<ControllerPresence>().IsLinkUp("mqtt"), "the MQTT link");
            await known.PublishOnlineAsync("5e7b0001", Wait.Token());
            var chilling = new Device(known, "CHAIR-52", "5e7b0001", clock);
            await chilling.EventAsync(ControllerEventKind.Setpoint, "-5.0");
            await Wait.UntilAsync(
                async () => await StoredRows.ScalarAsync(db.Path, "SELECT coalesce(setpoint_tenths, 0) FROM controllers WHERE controller_id = 'CHAIR-52'") == -50,
                "the controller's setpoint to be kept");
        }

        clock.Advance(TimeSpan.FromMinutes(20));
        await using var worker = await WorkerHost.StartAsync(settings, clock);
        await Wait.UntilAsync(() => worker.Services.GetRequiredService<ControllerPresence>().IsLinkUp("mqtt"), "the MQTT link");
        using var nurse = await ApiNurse.SignUpAsync(worker, "sina");
        await silent.PublishOnlineAsync("5e7b0002", Wait.Token());

        var device = new Device(known, "CHAIR-52", "5e7b0001", clock) { Seq = 1 };
        var id = await StartAsync(nurse, "CHAIR-52", "MRN-900521");
        device.Session(worker, id);
        await device.EventAsync(ControllerEventKind.CapOn);
        await device.EventAsync(ControllerEventKind.CoolingStart);
        await device.CoolAsync(minutes: 30, coolant: -4.7m);

        var page = await nurse.GetAsync("/api/sessions/" + id);
        Assert.Equal(-5.0m, page.GetProperty("temperatures").GetProperty("setpoint").GetDecimal());
        Assert.Equal("Controller", page.GetProperty("temperatures").GetProperty("setpointSource").GetString());
        var card = await CardAsync(nurse, "CHAIR-52");
        Assert.True(card.GetProperty("coolantAtSetpoint").GetBoolean());
        Assert.False(card.GetProperty("setpointUnknown").GetBoolean());
        Assert.True(card.GetProperty("readyForInfusion").GetBoolean(), card.ToString());

        var other = new Device(silent, "CHAIR-53", "5e7b0002", clock);
        var otherId = await StartAsync(nurse, "CHAIR-53", "MRN-900531");
        other.Session(worker, otherId);
        await other.EventAsync(ControllerEventKind.CapOn);
        await other.EventAsync(ControllerEventKind.CoolingStart);
        await other.CoolAsync(minutes: 2, coolant: 8.0m);
        card = await CardAsync(nurse, "CHAIR-53");
        Assert.True(card.GetProperty("setpointUnknown").GetBoolean(), card.ToString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, card.GetProperty("coolantAtSetpoint").ValueKind);
        page = await nurse.GetAsync("/api/sessions/" + otherId);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page.GetProperty("temperatures").GetProperty("setpoint").ValueKind);
    }

    [Fact(Timeout = 120_000)]
    public async Task CapPlacedFourMinutesBeforeTheControllerCools_CardSaysNotCooling_NoReadinessOnTheTimer_ShortPrecoolFound()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new FakeTimeProvider(s_nine);
        var settings = Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-not-cooling-e2e", clockSkewThreshold: "00:00:05");
        await using var worker = await WorkerHost.StartAsync(settings, clock);
        await Wait.UntilAsync(() => worker.Services.GetRequiredService<ControllerPresence>().IsLinkUp("mqtt"), "the MQTT link");
        using var nurse = await ApiNurse.SignUpAsync(worker, "noor");
        await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", "CHAIR-54", Wait.Token());
        await controller.PublishOnlineAsync("5e7b0004", Wait.Token());
        var device = new Device(controller, "CHAIR-54", "5e7b0004", clock);
        var id = await StartAsync(nurse, "CHAIR-54", "MRN-900541");
        device.Session(worker, id);
        await device.EventAsync(ControllerEventKind.Setpoint, "-5.0");
        await device.EventAsync(ControllerEventKind.CapOn);
        await device.SampleAsync(ControllerState.Prechill, coolant: 3.0m, scalp: 33.0m);

        await nurse.PostAsync($"/api/sessions/{id}/cap-placed");
        for (var i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(59));
            await device.SampleAsync(ControllerState.Prechill, coolant: 3.0m, scalp: 33.0m);
        }

        var card = await CardAsync(nurse, "CHAIR-54");
        Assert.Equal("PreCooling", card.GetProperty("status").GetString());
        Assert.True(card.GetProperty("notCooling").GetBoolean(), card.ToString());
        Assert.Equal(30 * 60, card.GetProperty("remainingSeconds").GetInt64());

        await device.EventAsync(ControllerEventKind.CoolingStart);
        await device.CoolAsync(minutes: 26, coolant: -4.8m);

        card = await CardAsync(nurse, "CHAIR-54");
        Assert.False(card.GetProperty("notCooling").GetBoolean());
        Assert.False(card.GetProperty("readyForInfusion").GetBoolean(), card.ToString());
        Assert.InRange(card.GetProperty("remainingSeconds").GetInt64(), (4 * 60) - 2, (4 * 60) + 2);

        await nurse.PostAsync($"/api/sessions/{id}/infusion-started");
        var page = await nurse.GetAsync("/api/sessions/" + id);
        Assert.Contains(page.GetProperty("deviations").EnumerateArray(), d => d.GetProperty("code").GetString() == "SHORT_PRECOOL");
    }

    private static async Task<string> StartAsync(ApiNurse nurse, string controllerId, string patient)
    {
        var started = await nurse.PostAsync("/api/sessions", new
        {
            controllerId, patientReference = patient, patientName = "Setpoint Patient " + controllerId, administrationId = "ma-" + controllerId,
            primaryCptCode = "96413", regimenPreset = "Docetaxel q3w, short", firstOfCourse = false,
            confirmUnheardController = true, // its status may still be on its way to the writer
        });
        return started.GetProperty("sessionId").GetString()!;
    }

    private static async Task<System.Text.Json.JsonElement> CardAsync(ApiNurse nurse, string controllerId)
    {
        var board = await nurse.GetAsync("/api/board");
        return board.GetProperty("chairs").EnumerateArray().Single(c => c.GetProperty("controllerId").GetString() == controllerId);
    }

    /// <summary>A controller on the server's clock, one second per message; once in a session, waits until the session took each one.</summary>
    private sealed class Device(MqttTestController controller, string controllerId, string boot, FakeTimeProvider clock)
    {
        private WorkerHost? _worker;
        private string? _sessionId;

        public uint Seq { get; set; }

        private uint BootId => uint.Parse(boot, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

        public void Session(WorkerHost worker, string sessionId)
        {
            _worker = worker;
            _sessionId = sessionId;
        }

        public async Task EventAsync(ControllerEventKind kind, string? detail = null)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var e = new ControllerEvent(controllerId, BootId, Seq++, clock.GetUtcNow(), kind, detail);
            await controller.PublishRawAsync("event", Encoding.UTF8.GetString(CcpJsonWriter.Event(e)), Wait.Token());
            await TakenAsync();
        }

        /// <summary>A cooling sample a minute, for as many minutes.</summary>
        public async Task CoolAsync(int minutes, decimal coolant)
        {
            for (var i = 0; i < minutes; i++)
            {
                clock.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromSeconds(1));
                await SampleAsync(ControllerState.Cooling, coolant, scalp: 18.0m);
            }
        }

        public async Task SampleAsync(ControllerState state, decimal coolant, decimal scalp)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var sample = new TelemetrySample(
                controllerId, BootId, Seq++, clock.GetUtcNow(), state, Temperature.FromCelsius(coolant), Temperature.FromCelsius(scalp), 600, true, ControllerAlarms.None);
            await controller.PublishRawAsync("telemetry", Encoding.UTF8.GetString(CcpJsonWriter.Telemetry(sample)), Wait.Token());
            await TakenAsync();
        }

        private Task TakenAsync()
        {
            if (_worker is not { } worker || _sessionId is not { } id)
            {
                return Task.CompletedTask;
            }

            var now = clock.GetUtcNow();
            return Wait.UntilAsync(async () => (await worker.Board.SessionAsync(id, Wait.Token()))?.Record.AsOf >= now, "the session to take the message");
        }
    }
}
