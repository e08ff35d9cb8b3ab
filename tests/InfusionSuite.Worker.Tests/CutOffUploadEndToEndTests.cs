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
/// A controller cut off from the broker mid-infusion keeps cooling and stores its messages; the broker
/// says it is offline (its Last Will). When it reconnects it uploads what it stored, in a burst. Through
/// mosquitto, the writer and the REST API, the session comes out as if it had been heard live: the
/// offline time its own record covers is not an interruption (docs/clinical-rules.md, "Interruptions").
/// </summary>
public sealed class CutOffUploadEndToEndTests
{
    private const string ControllerId = "CHAIR-53";
    private const string Boot = "5a1e0c53";
    private static readonly DateTimeOffset Nine = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 120_000)]
    public async Task ControllerCutOffSixMinutesUploadsWhatItStored_NoInterruptionNoDeviation()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new FakeTimeProvider(Nine);
        await using var worker = await WorkerHost.StartAsync(Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-cutoff-e2e", clockSkewThreshold: "00:00:05"), clock);
        var presence = worker.Services.GetRequiredService<ControllerPresence>();
        await Wait.UntilAsync(() => presence.IsLinkUp("mqtt"), "the MQTT link");
        using var nurse = await ApiNurse.SignUpAsync(worker, "cora");
        await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "clinic", ControllerId, Wait.Token());
        await controller.PublishOnlineAsync(Boot, Wait.Token());
        var started = await nurse.PostAsync("/api/sessions", new
        {
            controllerId = ControllerId, patientReference = "MRN-900153", patientName = "Cut Off", administrationId = "ma-53",
            primaryCptCode = "96413", regimenPreset = "Docetaxel q3w, short", firstOfCourse = false, confirmUnheardController = true,
        });
        var id = started.GetProperty("sessionId").GetString()!;
        var device = new Controller(controller, worker, clock, id);
        await device.SendAsync(device.Event(ControllerEventKind.CapOn));
        await device.SendAsync(device.Event(ControllerEventKind.CoolingStart));
        await device.CoolAsync(minutes: 30);
        await nurse.PostAsync($"/api/sessions/{id}/infusion-started");
        await device.CoolAsync(minutes: 10);

        // Cut off: the broker publishes its Last Will; the controller cools on and stores a sample every 5 s.
        await controller.PublishRawAsync("status", """{"online":false}""", Wait.Token());
        await Wait.UntilAsync(async () => (await worker.Board.SessionAsync(id, Wait.Token()))?.Record.Controller.Online == false, "the session to hear the controller is offline");
        var stored = new List<(string Kind, string Payload)>();
        for (var i = 0; i < 72; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            stored.Add(device.Sample());
        }

        // Back: it says hello, uploads what it stored in a burst, then goes on live.
        clock.Advance(TimeSpan.FromSeconds(1));
        await controller.PublishOnlineAsync(Boot, Wait.Token());
        foreach (var message in stored)
        {
            await controller.PublishRawAsync(message.Kind, message.Payload, Wait.Token());
        }

        await device.SendAsync(device.Sample());
        await device.CoolAsync(minutes: 10);
        await nurse.PostAsync($"/api/sessions/{id}/infusion-ended");

        var page = await nurse.GetAsync("/api/sessions/" + id);
        Assert.True(page.GetProperty("live").GetProperty("online").GetBoolean());
        var infusion = page.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("phase").GetString() == "Infusion");
        Assert.Equal(0, infusion.GetProperty("interruptions").GetInt32());
        Assert.Equal(0, infusion.GetProperty("interruptedSeconds").GetInt64());
        Assert.DoesNotContain(page.GetProperty("deviations").EnumerateArray(), d => d.GetProperty("code").GetString() == "INTERRUPTED");
    }

    /// <summary>Publishes CCP/1 JSON with a true clock; each live message waits until the session took it.</summary>
    private sealed class Controller(MqttTestController controller, WorkerHost worker, FakeTimeProvider clock, string sessionId)
    {
        private static readonly uint s_boot = uint.Parse(Boot, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        private uint _seq;

        public (string Kind, string Payload) Sample() => ("telemetry", Encoding.UTF8.GetString(CcpJsonWriter.Telemetry(new TelemetrySample(
            ControllerId, s_boot, _seq++, clock.GetUtcNow(), ControllerState.Cooling, Temperature.FromCelsius(-4.0m), Temperature.FromCelsius(18.0m), 600, true, ControllerAlarms.None))));

        public (string Kind, string Payload) Event(ControllerEventKind kind) => ("event", Encoding.UTF8.GetString(CcpJsonWriter.Event(
            new ControllerEvent(ControllerId, s_boot, _seq++, clock.GetUtcNow(), kind, null))));

        public async Task SendAsync((string Kind, string Payload) message)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await controller.PublishRawAsync(message.Kind, message.Payload, Wait.Token());
            var now = clock.GetUtcNow();
            await Wait.UntilAsync(async () => (await worker.Board.SessionAsync(sessionId, Wait.Token()))?.Record.AsOf >= now, "the session to take the message");
        }

        /// <summary>A cooling sample a minute, for as many minutes.</summary>
        public async Task CoolAsync(int minutes)
        {
            for (var i = 0; i < minutes; i++)
            {
                clock.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromSeconds(1));
                await SendAsync(Sample());
            }
        }
    }
}
