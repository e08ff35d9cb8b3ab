using System.Globalization;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;
using MQTTnet;
using MQTTnet.Protocol;

namespace InfusionSuite.Testing;

/// <summary>
/// A cooling-cap controller on MQTT as CCP/1 section 3 describes it: a retained online status, a
/// retained Last Will <c>{"online":false}</c> on the same topic, QoS 1 telemetry and events.
/// </summary>
public sealed class MqttTestController : IAsyncDisposable
{
    private static readonly DateTimeOffset s_clockStart = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private readonly IMqttClient _client;
    private readonly string _topicPrefix;

    private MqttTestController(IMqttClient client, string topicPrefix)
    {
        _client = client;
        _topicPrefix = topicPrefix;
    }

    public string StatusTopic => _topicPrefix + "/status";

    public static async Task<MqttTestController> ConnectAsync(
        string host, int port, string site, string controllerId, CancellationToken cancellationToken, string root = "ccp/v1", string? connection = null)
    {
        var prefix = $"{root}/{site}/{controllerId}";
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId("test-controller-" + controllerId + (connection is null ? "" : "-" + connection))
            .WithCleanStart(true)
            .WithWillTopic(prefix + "/status")
            .WithWillPayload("""{"online":false}""")
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await client.ConnectAsync(options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new InvalidOperationException($"The test controller could not connect: {result.ResultCode}");
        }

        return new MqttTestController(client, prefix);
    }

    public Task PublishOnlineAsync(string boot, CancellationToken cancellationToken) =>
        PublishAsync("status", $$"""{"online":true,"boot":"{{boot}}","model":"SIM-1","firmware":"1.0.0","protocol":1}""", retain: true, cancellationToken);

    /// <summary>A valid cooling sample; the controller clock advances one second per seq.</summary>
    public Task PublishTelemetryAsync(string boot, uint seq, CancellationToken cancellationToken)
    {
        var sample = new TelemetrySample(
            ControllerIdOf(_topicPrefix), uint.Parse(boot, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), seq,
            s_clockStart.AddSeconds(seq), ControllerState.Cooling, new Temperature(-38), new Temperature(176), 620, true, ControllerAlarms.None);
        return PublishAsync("telemetry", CcpJsonWriter.Telemetry(sample), retain: false, cancellationToken);
    }

    /// <summary>A SETPOINT event (CCP/1) of <paramref name="celsius"/>, at the controller clock of <paramref name="seq"/>.</summary>
    public Task PublishSetpointAsync(string boot, uint seq, string celsius, CancellationToken cancellationToken) =>
        PublishAsync("event", CcpJsonWriter.Event(new ControllerEvent(
            ControllerIdOf(_topicPrefix), uint.Parse(boot, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), seq,
            s_clockStart.AddSeconds(seq), ControllerEventKind.Setpoint, celsius)), retain: false, cancellationToken);

    private static string ControllerIdOf(string topicPrefix) => topicPrefix[(topicPrefix.LastIndexOf('/') + 1)..];

    public Task PublishRawAsync(string kind, string payload, CancellationToken cancellationToken) =>
        PublishAsync(kind, payload, retain: false, cancellationToken);

    /// <summary>
    /// Drops the connection without a DISCONNECT, as when power is lost, so that the broker publishes
    /// the Last Will.
    /// </summary>
    public Task DieAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _client.Dispose();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
            }
        }
        catch (ObjectDisposedException)
        {
            // died before
        }

        _client.Dispose();
    }

    private async Task PublishAsync(string kind, string payload, bool retain, CancellationToken cancellationToken) =>
        await PublishAsync(kind, System.Text.Encoding.UTF8.GetBytes(payload), retain, cancellationToken);

    private async Task PublishAsync(string kind, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic($"{_topicPrefix}/{kind}")
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await _client.PublishAsync(message, cancellationToken);
        if (!result.IsSuccess && result.ReasonCode != MqttClientPublishReasonCode.NoMatchingSubscribers)
        {
            throw new InvalidOperationException($"Publishing failed: {result.ReasonCode}");
        }
    }
}
