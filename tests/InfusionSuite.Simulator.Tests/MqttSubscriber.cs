using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace InfusionSuite.Simulator.Tests;

/// <summary>A plain MQTT subscriber that keeps every message it receives, in order.</summary>
internal sealed class MqttSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly List<(string Topic, string Payload, bool Retained)> _messages = [];

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

    public static async Task<MqttSubscriber> StartAsync(int port, string filter)
    {
        var subscriber = new MqttSubscriber();
        subscriber._client.ApplicationMessageReceivedAsync += e =>
        {
            lock (subscriber._messages)
            {
                subscriber._messages.Add((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload), e.ApplicationMessage.Retain));
            }

            return Task.CompletedTask;
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var connected = await subscriber._client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("test-subscriber-" + Guid.NewGuid().ToString("N")).Build(),
            timeout.Token);
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        await subscriber._client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), timeout.Token);
        return subscriber;
    }

    public Task WaitForAsync(Func<IReadOnlyList<(string Topic, string Payload, bool Retained)>, bool> condition, string what) =>
        ExternalTool.WaitUntilAsync(() => condition(Messages), TimeSpan.FromSeconds(15), what);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
