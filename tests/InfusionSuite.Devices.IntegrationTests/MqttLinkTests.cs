using System.Globalization;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Scenarios;
using InfusionSuite.Testing;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>The simulator as the controller → real broker (mosquitto, MQTTnet's server) → MQTT link → consumer.</summary>
public sealed class MqttLinkTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Brokers => [TestBrokers.Mosquitto, TestBrokers.MqttNet];

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Brokers))]
    public async Task ControllerPublishes_LinkDeliversHelloPresenceAndTelemetryWithSite(string brokerKind)
    {
        await using var broker = await TestBrokers.StartAsync(brokerKind, Token());
        var before = DateTimeOffset.UtcNow;
        await using var link = await StartLinkAsync(broker, "links-basic");
        await using var chair = SimulatedChairRun.Start(SimulatedChairRun.BuiltIn("normal"), SimulatedChair.Numbered(6), Output(broker, "north", 6));

        await chair.AdvanceAsync(TimeSpan.FromSeconds(10));

        var hello = await link.Messages.WaitForAsync<ControllerHelloReceived>(Wait);
        Assert.Equal(chair.SentHellos[0], hello.Hello);
        var telemetry = await link.Messages.WaitForAllAsync<TelemetryReceived>(chair.SentTelemetry.Count, Wait);
        Assert.Equal(chair.SentTelemetry, telemetry.Select(t => t.Sample));
        Assert.All(telemetry, t =>
        {
            Assert.Equal("CHAIR-07", t.ControllerId);
            Assert.Equal("north", t.Site);
            Assert.Equal(CcpTransport.Mqtt, t.Transport);
            Assert.InRange(t.ReceivedAt, before, DateTimeOffset.UtcNow);
        });
        Assert.True(link.Presence.IsOnline("CHAIR-07"));
        link.AssertHealthy();
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Brokers))]
    public async Task BrokerRestarts_LinkAndControllerReconnect_AndTheLinkResubscribes(string brokerKind)
    {
        await using var broker = await TestBrokers.StartAsync(brokerKind, Token());
        await using var link = await StartLinkAsync(broker, "links-restart");
        await using var chair = SimulatedChairRun.Start(SimulatedChairRun.BuiltIn("normal"), SimulatedChair.Numbered(7), Output(broker, "north", 7));
        await chair.AdvanceAsync(TimeSpan.FromSeconds(5));
        await link.Messages.WaitForAllAsync<TelemetryReceived>(chair.SentTelemetry.Count, Wait);
        var lastBefore = chair.SentTelemetry[^1].Seq;

        await broker.StopAsync(Token());
        await Eventually.HoldsAsync(() => !link.Presence.IsLinkUp(MqttLinkName), Wait, "the link to see the broker gone");
        await broker.StartAgainAsync(Token());
        await Eventually.HoldsAsync(() => link.Presence.IsLinkUp(MqttLinkName), Wait, "the link to reconnect");

        // The chair reconnects at its next hello (every 60 simulated seconds). The restarted broker lost
        // the link's session: only a new subscription lets the chair's messages through.
        await chair.AdvanceAsync(TimeSpan.FromSeconds(70));
        var after = await link.Messages.WaitForAsync<TelemetryReceived>(t => t.Sample.Seq > lastBefore, Wait);
        Assert.Equal("CHAIR-08", after.ControllerId);
        Assert.Equal(chair.SentHellos[0].Boot, after.Sample.Boot);
        await Eventually.HoldsAsync(() => link.Messages.All<ControllerHelloReceived>().Count == 2, Wait, "the chair's second hello");
        link.AssertHealthy();
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Brokers))]
    public async Task LinkDownWhileControllerPublishes_QueuedMessagesArriveWhenItComesBack(string brokerKind)
    {
        await using var broker = await TestBrokers.StartAsync(brokerKind, Token());
        var settings = Settings(broker, "links-queued");
        await using (await StartLinkAsync(broker, "links-queued"))
        {
            // connects once, so the broker keeps its session (and queues for it) after it stops
        }

        await using var chair = SimulatedChairRun.Start(SimulatedChairRun.BuiltIn("normal"), SimulatedChair.Numbered(8), Output(broker, "north", 8));
        await chair.AdvanceAsync(TimeSpan.FromSeconds(20));

        await using var second = await LinkHost.StartAsync(settings);
        var telemetry = await second.Messages.WaitForAllAsync<TelemetryReceived>(chair.SentTelemetry.Count, Wait);
        Assert.Equal(chair.SentTelemetry, telemetry.Select(t => t.Sample));
        Assert.Equal(chair.SentHellos[0], (await second.Messages.WaitForAsync<ControllerHelloReceived>(Wait)).Hello);
        second.AssertHealthy();
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Brokers))]
    public async Task MessageNotStored_IsNotAcknowledgedAndComesAgainInTheNextSession(string brokerKind)
    {
        await using var broker = await TestBrokers.StartAsync(brokerKind, Token());
        var settings = Settings(broker, "links-unacked");
        var failing = new RecordingHandler { FailWhen = m => m is TelemetryReceived };
        await using var chair = SimulatedChairRun.Start(SimulatedChairRun.BuiltIn("normal"), SimulatedChair.Numbered(9), Output(broker, "north", 9));
        await using (var first = await StartLinkAsync(broker, "links-unacked", failing))
        {
            await chair.AdvanceToAsync(item => item is TelemetryItem);
            await Eventually.HoldsAsync(() => first.Presence.IsOnline("CHAIR-10"), Wait, "CHAIR-10 online");
        }

        Assert.Empty(failing.All<TelemetryReceived>());
        await using var second = await LinkHost.StartAsync(settings);
        var telemetry = await second.Messages.WaitForAsync<TelemetryReceived>(Wait);
        Assert.Equal(chair.SentTelemetry[0], telemetry.Sample);
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Brokers))]
    public async Task ControllerLosesPower_LastWillMarksItOffline_AndItComesBackWithANewBoot(string brokerKind)
    {
        await using var broker = await TestBrokers.StartAsync(brokerKind, Token());
        await using var link = await StartLinkAsync(broker, "links-will");
        var scenario = SimulatedChairRun.BuiltIn("reboot") with
        {
            Session = new SessionPlan { StandbyMinutes = 0.1, PrechillMinutes = 0.2, FittingMinutes = 0.2, PrecoolTargetMinutes = 0.2, InfusionMinutes = 1 },
            Incidents = [new Incident { Kind = IncidentKind.Reboot, Phase = SessionPhase.Infusion, AtMinutes = 0.2, Minutes = 0.3 }],
        };
        await using var chair = SimulatedChairRun.Start(scenario, SimulatedChair.Numbered(10), Output(broker, "south", 10));
        await chair.AdvanceAsync(TimeSpan.Zero);
        await link.Messages.WaitForAsync<ControllerPresenceChanged>(p => p.Online, Wait);

        await chair.AdvanceToAsync(item => item is OfflineItem { Reason: OfflineReason.PowerLoss });

        var offline = await link.Messages.WaitForAsync<ControllerPresenceChanged>(p => !p.Online, Wait);
        Assert.Equal(PresenceReason.StatusOffline, offline.Reason);
        Assert.Equal("CHAIR-11", offline.ControllerId);
        Assert.Equal("south", offline.Site);
        Assert.False(link.Presence.IsOnline("CHAIR-11"));

        await chair.AdvanceToAsync(item => item is HelloItem && item.At > chair.Now);
        var back = await link.Messages.WaitForAsync<ControllerPresenceChanged>(p => p.Online, Wait);
        Assert.Equal("CHAIR-11", back.ControllerId);
        var hellos = await link.Messages.WaitForAllAsync<ControllerHelloReceived>(2, Wait);
        Assert.NotEqual(hellos[0].Hello.Boot, hellos[1].Hello.Boot);
        Assert.True(link.Presence.IsOnline("CHAIR-11"));
        link.AssertHealthy();
    }

    private const string MqttLinkName = "mqtt";

    internal static Dictionary<string, string?> Settings(ITestMqttBroker broker, string clientId) => Settings(broker.Host, broker.Port, clientId);

    internal static Dictionary<string, string?> Settings(string host, int port, string clientId) => new()
    {
        ["Controllers:Mqtt:Host"] = host,
        ["Controllers:Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Controllers:Mqtt:ClientId"] = clientId,
        ["Controllers:Mqtt:ReconnectDelayMin"] = "00:00:00.100",
        ["Controllers:Mqtt:ReconnectDelayMax"] = "00:00:00.500",
        ["Controllers:Mqtt:ConnectionCheckInterval"] = "00:00:00.050",
    };

    /// <summary>Starts a link host and waits until it is connected and subscribed.</summary>
    internal static async Task<LinkHost> StartLinkAsync(ITestMqttBroker broker, string clientId, RecordingHandler? handler = null)
    {
        var link = await LinkHost.StartAsync(Settings(broker, clientId), handler);
        await Eventually.HoldsAsync(() => link.Presence.IsLinkUp(MqttLinkName), Wait, "the MQTT link to connect");
        return link;
    }

    /// <summary>The chair <c>CHAIR-{index + 1}</c> as an MQTT controller of <paramref name="site"/> on the test broker.</summary>
    internal static MqttControllerOutput Output(ITestMqttBroker broker, string site, int index) =>
        new(new MqttOutputOptions { Host = broker.Host, Port = broker.Port, Site = site, ControllerId = SimulatedChair.Numbered(index).ControllerId });

    private static CancellationToken Token() => new CancellationTokenSource(Wait).Token;
}
