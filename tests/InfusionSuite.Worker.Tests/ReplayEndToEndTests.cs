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
/// A past session replayed over mosquitto in a burst (docs/clinical-rules.md, "Clocks", case 4): telemetry
/// every 5 s, each event overtaken by the sample after it on the telemetry topic, the start and the
/// infusion entered afterwards, back-dated, the infusion exactly at the pre-cooling target. It comes out as
/// live: no SHORT_PRECOOL, no interruption of any length.
/// </summary>
public sealed class ReplayEndToEndTests
{
    private const string ControllerId = "CHAIR-54";
    private const string Boot = "5a1e0c54";
    private static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 120_000)]
    public async Task PastSessionReplayedInABurst_InfusionExactlyAtTheTarget_NoShortPrecoolNoInterruption()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new FakeTimeProvider(Noon);
        await using var worker = await WorkerHost.StartAsync(Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-replay", clockSkewThreshold: "00:00:05"), clock);
        var presence = worker.Services.GetRequiredService<ControllerPresence>();
        await Wait.UntilAsync(() => presence.IsLinkUp("mqtt"), "the MQTT link");
        using var nurse = await ApiNurse.SignUpAsync(worker, "rita");
        await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", ControllerId, Wait.Token());
        await controller.PublishOnlineAsync(Boot, Wait.Token());

        var t0 = Noon - TimeSpan.FromHours(4);
        var placed = t0 + TimeSpan.FromMinutes(2);
        var infusionStart = placed + TimeSpan.FromMinutes(30);
        var infusionEnd = infusionStart + TimeSpan.FromMinutes(30);
        var stop = infusionEnd + TimeSpan.FromMinutes(20);
        var capOff = stop + TimeSpan.FromMinutes(5);
        var events = new Queue<(DateTimeOffset At, ControllerEventKind Kind)>(
            [(placed - TimeSpan.FromSeconds(30), ControllerEventKind.CapOn), (placed, ControllerEventKind.CoolingStart), (stop, ControllerEventKind.CoolingStop), (capOff, ControllerEventKind.CapOff)]);
        var replay = new Replay();
        var samples = 0;
        for (var at = t0 + TimeSpan.FromSeconds(0.5); at < capOff + TimeSpan.FromMinutes(1); at += TimeSpan.FromSeconds(5))
        {
            var pending = events.Count > 0 && events.Peek().At < at ? replay.Event(events.Peek().At, events.Dequeue().Kind) : ((string, string)?)null;
            var cooling = at > placed && at < stop;
            var sample = replay.Sample(at, cooling ? ControllerState.Cooling : ControllerState.Prechill, at > placed - TimeSpan.FromSeconds(30) && at < capOff);
            await controller.PublishRawAsync(sample.Kind, sample.Payload, Wait.Token());
            samples++;
            if (pending is { } overtaken)
            {
                await controller.PublishRawAsync(overtaken.Item1, overtaken.Item2, Wait.Token()); // after the sample that followed it
            }
        }

        await Wait.UntilAsync(async () => await StoredRows.ScalarAsync(db.Path, "SELECT count(*) FROM telemetry") >= samples, "the replay stored");
        var id = (await nurse.PostAsync("/api/sessions", new
        {
            controllerId = ControllerId, patientReference = "MRN-900154", patientName = "Replay Patient", administrationId = "ma-54",
            primaryCptCode = "96413", regimenPreset = "Docetaxel q3w, short", firstOfCourse = false, effectiveAt = t0,
        })).GetProperty("sessionId").GetString()!;
        await nurse.PostAsync($"/api/sessions/{id}/infusion-started", new { effectiveAt = infusionStart });
        await nurse.PostAsync($"/api/sessions/{id}/infusion-ended", new { effectiveAt = infusionEnd });

        var page = await nurse.GetAsync("/api/sessions/" + id);
        Assert.Equal("Completed", page.GetProperty("status").GetString());
        Assert.Equal(placed, page.GetProperty("boundaries").GetProperty("capPlacedAt").GetDateTimeOffset());
        Assert.Equal(30 * 60, page.GetProperty("phases")[0].GetProperty("durationSeconds").GetInt64());
        Assert.Empty(page.GetProperty("deviations").EnumerateArray());
        Assert.All(page.GetProperty("phases").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("interruptions").GetInt32()));
    }

    /// <summary>CCP/1 JSON with the past instants as ts, numbered in the order the controller wrote them.</summary>
    private sealed class Replay
    {
        private static readonly uint s_boot = uint.Parse(Boot, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        private uint _seq;

        public (string Kind, string Payload) Sample(DateTimeOffset at, ControllerState state, bool capConnected) => ("telemetry", Encoding.UTF8.GetString(CcpJsonWriter.Telemetry(
            new TelemetrySample(ControllerId, s_boot, _seq++, at, state, Temperature.FromCelsius(-4.0m), Temperature.FromCelsius(18.0m), 600, capConnected, ControllerAlarms.None))));

        public (string Kind, string Payload) Event(DateTimeOffset at, ControllerEventKind kind) =>
            ("event", Encoding.UTF8.GetString(CcpJsonWriter.Event(new ControllerEvent(ControllerId, s_boot, _seq++, at, kind, null))));
    }
}
