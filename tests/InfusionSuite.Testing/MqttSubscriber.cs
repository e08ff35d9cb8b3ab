using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace InfusionSuite.Testing;

/// <summary>A plain MQTT subscriber on a test broker that keeps every message it receives, in order.</summary>
public sealed class MqttSubscriber : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly List<(string Topic, string Payload, bool Retained)> _messages = [];

    private MqttSubscriber()
    {
    }

    public IReadOnlyList<(string Topic, string Payload, bool Retained)> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public static async Task<MqttSubscriber> StartAsync(ITestMqttBroker broker, string filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var subscriber = new MqttSubscriber();
        subscriber._client.ApplicationMessageReceivedAsync += e =>
        {
            lock (subscriber._messages)
            {
                subscriber._messages.Add((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload), e.ApplicationMessage.Retain));
            }

            return Task.CompletedTask;
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId("test-subscriber-" + Guid.NewGuid().ToString("N"))
            .Build();
        var connected = await subscriber._client.ConnectAsync(options, timeout.Token);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            subscriber._client.Dispose();
            throw new InvalidOperationException($"The test subscriber could not connect: {connected.ResultCode}");
        }

        await subscriber._client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), timeout.Token);
        return subscriber;
    }

    /// <summary>Waits (at most 15 s) until the messages so far satisfy <paramref name="condition"/>.</summary>
    public Task WaitForAsync(Func<IReadOnlyList<(string Topic, string Payload, bool Retained)>, bool> condition, string what) =>
        Eventually.HoldsAsync(() => condition(Messages), TimeSpan.FromSeconds(15), what);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            using var timeout = new CancellationTokenSource(s_timeout);
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token);
        }

        _client.Dispose();
    }
}
