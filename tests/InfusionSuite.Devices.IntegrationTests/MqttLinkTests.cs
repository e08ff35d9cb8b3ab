using InfusionSuite.Devices.Protocol;
using InfusionSuite.Devices.Links;
using InfusionSuite.Testing;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>Controller → real broker (mosquitto, MQTTnet's server) → MQTT link → consumer.</summary>
public sealed class MqttLinkTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private const string Boot = "9f3a61c2";

    public static TheoryData<string> Brokers => [TestBrokers.Mosquitto, TestBrokers.MqttNet];

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Brokers))]
    public async Task ControllerPublishes_LinkDeliversHelloPresenceAndTelemetryWithSite(string brokerKind)
    {
        await using var broker = await TestBrokers.StartAsync(brokerKind, Token());
        var before = DateTimeOffset.UtcNow;
        await using var link = await LinkHost.StartAsync(Settings(broker, "links-basic"));
        await WaitUntilAsync(() => link.Presence.IsLinkUp("mqtt"));
        await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "north", "CHAIR-07", Token());

        await controller.PublishOnlineAsync(Boot, Token());
        for (uint seq = 1; seq <= 3; seq++)
        {
            await controller.PublishTelemetryAsync(Boot, seq, Token());
        }

        var hello = await link.Messages.WaitForAsync<ControllerHelloReceived>(Wait);
        Assert.Equal("SIM-1", hello.Hello.Model);
        Assert.Equal(0x9f3a61c2u, hello.Hello.Boot);
        for (uint seq = 1; seq <= 3; seq++)
        {
            var telemetry = await link.Messages.WaitForAsync<TelemetryReceived>(Wait);
            Assert.Equal(seq, telemetry.Sample.Seq);
            Assert.Equal("CHAIR-07", telemetry.ControllerId);
            Assert.Equal("north", telemetry.Site);
            Assert.Equal(CcpTransport.Mqtt, telemetry.Transport);
            Assert.InRange(telemetry.ReceivedAt, before, DateTimeOffset.UtcNow);
        }

        Assert.True(link.Presence.IsOnline("CHAIR-07"));
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Brokers))]
    public async Task BrokerRestarts_LinkReconnectsAndResubscribes(string brokerKind)
    {
        await using var broker = await TestBrokers.StartAsync(brokerKind, Token());
        await using var link = await LinkHost.StartAsync(Settings(broker, "links-restart"));
        await WaitUntilAsync(() => link.Presence.IsLinkUp("mqtt"));

        await broker.StopAsync(Token());
        await WaitUntilAsync(() => !link.Presence.IsLinkUp("mqtt"));
        await broker.StartAgainAsync(Token());
        await WaitUntilAsync(() => link.Presence.IsLinkUp("mqtt"));

        // The restarted broker lost the session: only a new subscription lets this through.
        await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "north", "CHAIR-08", Token());
        await controller.PublishTelemetryAsync(Boot, 1, Token());
        var telemetry = await link.Messages.WaitForAsync<TelemetryReceived>(Wait);
        Assert.Equal("CHAIR-08", telemetry.ControllerId);
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Brokers))]
    public async Task LinkDownWhileControllerPublishes_QueuedMessagesArriveWhenItComesBack(string brokerKind)
    {
        await using var broker = await TestBrokers.StartAsync(brokerKind, Token());
        var settings = Settings(broker, "links-queued");
        await using (var first = await LinkHost.StartAsync(settings))
        {
            await WaitUntilAsync(() => first.Presence.IsLinkUp("mqtt"));
        }

        await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "north", "CHAIR-09", Token());
        for (uint seq = 1; seq <= 5; seq++)
        {
            await controller.PublishTelemetryAsync(Boot, seq, Token());
        }

        await using var second = await LinkHost.StartAsync(settings);
        for (uint seq = 1; seq <= 5; seq++)
        {
            var telemetry = await second.Messages.WaitForAsync<TelemetryReceived>(Wait);
            Assert.Equal(seq, telemetry.Sample.Seq);
        }
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Brokers))]
    public async Task MessageNotStored_IsNotAcknowledgedAndComesAgainInTheNextSession(string brokerKind)
    {
        await using var broker = await TestBrokers.StartAsync(brokerKind, Token());
        var settings = Settings(broker, "links-unacked");
        var failing = new RecordingHandler { FailWhen = m => m is TelemetryReceived };
        await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "north", "CHAIR-10", Token());
        await using (var first = await LinkHost.StartAsync(settings, failing))
        {
            await WaitUntilAsync(() => first.Presence.IsLinkUp("mqtt"));
            await controller.PublishTelemetryAsync(Boot, 1, Token());
            await WaitUntilAsync(() => first.Presence.IsOnline("CHAIR-10"));
        }

        await using var second = await LinkHost.StartAsync(settings);
        var telemetry = await second.Messages.WaitForAsync<TelemetryReceived>(Wait);
        Assert.Equal(1u, telemetry.Sample.Seq);
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Brokers))]
    public async Task ControllerDies_LastWillMarksItOffline(string brokerKind)
    {
        await using var broker = await TestBrokers.StartAsync(brokerKind, Token());
        await using var link = await LinkHost.StartAsync(Settings(broker, "links-will"));
        await WaitUntilAsync(() => link.Presence.IsLinkUp("mqtt"));
        await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "south", "CHAIR-11", Token());
        await controller.PublishOnlineAsync(Boot, Token());
        await link.Messages.WaitForAsync<ControllerPresenceChanged>(p => p.Online, Wait);

        await controller.DieAsync(Token());

        var offline = await link.Messages.WaitForAsync<ControllerPresenceChanged>(p => !p.Online, Wait);
        Assert.Equal(PresenceReason.StatusOffline, offline.Reason);
        Assert.Equal("CHAIR-11", offline.ControllerId);
        Assert.Equal("south", offline.Site);
        Assert.False(link.Presence.IsOnline("CHAIR-11"));
    }

    internal static Dictionary<string, string?> Settings(ITestMqttBroker broker, string clientId) => new()
    {
        ["Controllers:Mqtt:Host"] = broker.Host,
        ["Controllers:Mqtt:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Controllers:Mqtt:ClientId"] = clientId,
        ["Controllers:Mqtt:ReconnectDelayMin"] = "00:00:00.100",
        ["Controllers:Mqtt:ReconnectDelayMax"] = "00:00:00.500",
        ["Controllers:Mqtt:ConnectionCheckInterval"] = "00:00:00.050",
    };

    private static CancellationToken Token() => new CancellationTokenSource(Wait).Token;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Wait);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }
}
