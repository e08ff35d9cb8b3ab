using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.IntegrationTests.Fakes;
using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Devices.Mqtt;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using System.Diagnostics.Metrics;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>The MQTT link's reconnect logic against a fake client, on a fake clock.</summary>
public sealed class MqttLinkLogicTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact(Timeout = 15_000)]
    public async Task RefusedConnack_RetriesWithGrowingBackOff_ThenSubscribes()
    {
        var time = new WatchedFakeTimeProvider();
        var client = new FakeMqttClientAdapter();
        var refused = new MqttConnectOutcome(false, false, "NotAuthorized");
        client.Answer(refused, refused, refused);
        using var link = CreateLink(client, time, out var presence);
        await link.StartAsync(CancellationToken.None);

        await WaitUntilAsync(() => client.Connects == 1);
        await time.WaitForTimersAsync(1); // the first back-off has started
        time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Yield();
        Assert.Equal(1, client.Connects); // not before the first back-off (1 s)
        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitUntilAsync(() => client.Connects == 2);
        await time.WaitForTimersAsync(2);
        time.Advance(TimeSpan.FromSeconds(2));
        await WaitUntilAsync(() => client.Connects == 3);
        await time.WaitForTimersAsync(3);
        time.Advance(TimeSpan.FromSeconds(4));
        await WaitUntilAsync(() => client.Connects == 4);

        await WaitUntilAsync(() => presence.IsLinkUp(MqttLink.LinkName));
        Assert.Equal(1, client.Subscribes);
        await link.StopAsync(CancellationToken.None);
    }

    [Fact(Timeout = 15_000)]
    public async Task ConnectionLost_ReconnectsAndResubscribesOnlyWhenTheSessionIsGone()
    {
        var time = new WatchedFakeTimeProvider();
        var client = new FakeMqttClientAdapter();
        client.Answer(new MqttConnectOutcome(true, false, "Success"), new MqttConnectOutcome(true, true, "Success"), new MqttConnectOutcome(true, false, "Success"));
        using var link = CreateLink(client, time, out var presence);
        await link.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => client.Subscribes == 1);

        await time.WaitForTimersAsync(1); // the link waits for its connection check
        client.IsConnected = false; // session kept by the broker
        time.Advance(TimeSpan.FromSeconds(1));
        await WaitUntilAsync(() => client.Connects == 2);
        Assert.Equal(1, client.Subscribes);

        await time.WaitForTimersAsync(2);
        client.IsConnected = false; // broker restarted without the session
        time.Advance(TimeSpan.FromSeconds(1));
        await WaitUntilAsync(() => client.Connects == 3);
        await WaitUntilAsync(() => client.Subscribes == 2);
        Assert.True(presence.IsLinkUp(MqttLink.LinkName));
        await link.StopAsync(CancellationToken.None);
    }

    private static MqttLink CreateLink(FakeMqttClientAdapter client, WatchedFakeTimeProvider time, out ControllerPresence presence)
    {
        var options = Options.Create(new MqttLinkOptions { Host = "broker.invalid" });
        var metrics = new CcpMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
        presence = new ControllerPresence(Options.Create(new LivenessOptions()));
        var receiver = new MqttMessageReceiver(new ControllerMessageQueue(), presence, metrics, time, options, NullLogger<MqttMessageReceiver>.Instance);
        return new MqttLink(client, receiver, presence, metrics, time, options, new InfusionSuite.Application.Ports.AlwaysHeldWriterLease(), NullLogger<MqttLink>.Instance);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Eventually.HoldsAsync(condition, Wait, "the link's next step");
}
