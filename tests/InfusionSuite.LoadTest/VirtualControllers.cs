using System.Diagnostics;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;
using MQTTnet;
using MQTTnet.Protocol;

namespace InfusionSuite.LoadTest;

/// <summary>
/// N controllers publishing CCP/1 telemetry (QoS 1, payloads by <see cref="CcpJsonWriter"/>, one
/// topic per controller) over C MQTT connections: controller c uses connection c mod C. Each
/// sample's <c>ts</c> is the instant it is published (the controller clock is the real clock).
/// </summary>
internal sealed class VirtualControllers : IAsyncDisposable
{
    public const string Site = "load";
    public const uint Boot = 0x10ad0001;
    private const int InFlightPerConnection = 1000;

    private readonly IMqttClient[] _clients;
    private readonly string[] _topics;
    private long _acknowledged;
    private long _failed;

    private VirtualControllers(IMqttClient[] clients, int controllers)
    {
        _clients = clients;
        _topics = [.. Enumerable.Range(0, controllers).Select(c => CcpTopics.Telemetry(Site, Id(c)))];
    }

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public long Failed => Interlocked.Read(ref _failed);

    public static string Id(int controller) => $"LOAD-{controller:0000}";

    public static async Task<VirtualControllers> ConnectAsync(
        string host, int port, int controllers, int connections, string clientPrefix, CancellationToken cancellationToken)
    {
        var clients = new IMqttClient[Math.Min(controllers, connections)];
        var factory = new MqttClientFactory();
        for (var i = 0; i < clients.Length; i++)
        {
            clients[i] = factory.CreateMqttClient();
            var options = new MqttClientOptionsBuilder()
                .WithTcpServer(host, port)
                .WithClientId($"{clientPrefix}-{i}")
                .WithCleanStart(true)
                .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
                .WithTimeout(TimeSpan.FromSeconds(60))
                .Build();
            var result = await clients[i].ConnectAsync(options, cancellationToken);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new InvalidOperationException($"Publisher connection {i} refused: {result.ResultCode}");
            }
        }

        return new VirtualControllers(clients, controllers);
    }

    /// <summary>Publishes the schedule; returns when every publish was acknowledged by the broker.</summary>
    public Task RunAsync(LoadSchedule schedule, TimeProvider time, long startTimestamp, CancellationToken cancellationToken) =>
        Task.WhenAll(_clients.Select((_, i) => Task.Run(() => ConnectionAsync(i, schedule, time, startTimestamp, cancellationToken), cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            client.Dispose();
        }
    }

    private async Task ConnectionAsync(int connection, LoadSchedule schedule, TimeProvider time, long startTimestamp, CancellationToken cancellationToken)
    {
        var client = _clients[connection];
        var mine = Enumerable.Range(0, schedule.Controllers).Where(c => c % _clients.Length == connection).ToArray();
        using var window = new SemaphoreSlim(InFlightPerConnection);
        for (long seq = 1; seq <= schedule.SamplesPerController; seq++)
        {
            foreach (var controller in mine)
            {
                var wait = schedule.DueAt(controller, seq) - time.GetElapsedTime(startTimestamp);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, time, cancellationToken);
                }

                await window.WaitAsync(cancellationToken);
                var sample = new TelemetrySample(
                    Id(controller), Boot, (uint)seq, time.GetUtcNow(), ControllerState.Cooling,
                    new Temperature(-38), new Temperature(176), 620, true, ControllerAlarms.None);
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic(_topics[controller])
                    .WithPayload(CcpJsonWriter.Telemetry(sample))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build();
                _ = PublishAsync(client, message, window, cancellationToken);
            }
        }

        // Every publish acknowledged: take the whole window back.
        for (var i = 0; i < InFlightPerConnection; i++)
        {
            await window.WaitAsync(cancellationToken);
        }
    }

    private async Task PublishAsync(IMqttClient client, MqttApplicationMessage message, SemaphoreSlim window, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.PublishAsync(message, cancellationToken);
            if (result.IsSuccess || result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers)
            {
                Interlocked.Increment(ref _acknowledged);
            }
            else
            {
                Interlocked.Increment(ref _failed);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Interlocked.Increment(ref _failed);
            Debug.WriteLine(exception);
        }
        finally
        {
            window.Release();
        }
    }
}
