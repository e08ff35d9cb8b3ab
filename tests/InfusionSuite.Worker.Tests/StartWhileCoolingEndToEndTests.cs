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
/// docs/clinical-rules.md, "Boundaries (exact)": a nurse starts the session on the REST API 9 s after the
/// controller (its clock 4 minutes slow, live over mosquitto) started cooling with the cap connected:
/// the session is placed at the controller's COOLING_START, not left waiting for "cap placed".
/// </summary>
public sealed class StartWhileCoolingEndToEndTests
{
    private const string ControllerId = "CHAIR-57";
    private const uint Boot = 0x5a1e0c57;
    private static readonly DateTimeOffset Nine = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_slow = TimeSpan.FromMinutes(4);

    [Fact(Timeout = 120_000)]
    public async Task StartNineSecondsAfterTheControllersCoolingStart_IsPlacedAtIt()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new FakeTimeProvider(Nine);
        var settings = Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-start-cooling-e2e", clockSkewThreshold: "00:00:05");
        await using var worker = await WorkerHost.StartAsync(settings, clock);
        var presence = worker.Services.GetRequiredService<ControllerPresence>();
        await Wait.UntilAsync(() => presence.IsLinkUp("mqtt"), "the MQTT link");
        using var nurse = await ApiNurse.SignUpAsync(worker, "clara");
        await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", ControllerId, Wait.Token());
        await controller.PublishOnlineAsync(Boot.ToString("x8", CultureInfo.InvariantCulture), Wait.Token());

        uint seq = 0;
        async Task<long> StoredAsync() =>
            await StoredRows.ScalarAsync(db.Path, "SELECT count(*) FROM session_inputs") + await StoredRows.ScalarAsync(db.Path, "SELECT count(*) FROM telemetry");
        var before = await StoredAsync();

        // Each message is stored before the clock moves on: it arrived when it was sent (no network delay).
        async Task StoredEachAsync() => await Wait.UntilAsync(async () => await StoredAsync() >= before + seq, "the controller's message stored");

        async Task SampleAsync(ControllerState state, bool capConnected)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var sample = new TelemetrySample(
                ControllerId, Boot, seq++, clock.GetUtcNow() - s_slow,
                state, Temperature.FromCelsius(-4.0m), Temperature.FromCelsius(18.0m), 600, capConnected, ControllerAlarms.None);
            await controller.PublishRawAsync("telemetry", Encoding.UTF8.GetString(CcpJsonWriter.Telemetry(sample)), Wait.Token());
            await StoredEachAsync();
        }

        async Task EventAsync(ControllerEventKind kind)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var e = new ControllerEvent(ControllerId, Boot, seq++, clock.GetUtcNow() - s_slow, kind, null);
            await controller.PublishRawAsync("event", Encoding.UTF8.GetString(CcpJsonWriter.Event(e)), Wait.Token());
            await StoredEachAsync();
        }

        await SampleAsync(ControllerState.Prechill, capConnected: false);
        await SampleAsync(ControllerState.Prechill, capConnected: false);
        await EventAsync(ControllerEventKind.CapOn);
        await SampleAsync(ControllerState.Prechill, capConnected: true);
        await EventAsync(ControllerEventKind.CoolingStart);
        var placed = clock.GetUtcNow();
        for (var i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await SampleAsync(ControllerState.Cooling, capConnected: true);
        }

        Assert.Equal(placed + TimeSpan.FromSeconds(8), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(1)); // the nurse starts 9 s after the controller's COOLING_START

        var started = await nurse.PostAsync("/api/sessions", new
        {
            controllerId = ControllerId, patientReference = "MRN-900157", patientName = "Cooling Patient", administrationId = "ma-57",
            primaryCptCode = "96413", regimenPreset = "Docetaxel q3w, short", firstOfCourse = false,
            confirmUnheardController = true,
        });
        var id = started.GetProperty("sessionId").GetString()!;

        var page = await nurse.GetAsync("/api/sessions/" + id);
        Assert.Equal("PreCooling", page.GetProperty("status").GetString());
        Assert.Equal(placed, page.GetProperty("boundaries").GetProperty("capPlacedAt").GetDateTimeOffset());
    }
}
