using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Engine;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace InfusionSuite.Simulator.Outputs;

/// <summary>
/// A controller on MQTT (one client per controller, MQTT 5, QoS 1): at power-on it connects with a
/// retained Last Will <c>{"online":false}</c> on its status topic and publishes a retained online
/// status; telemetry and events go to their topics; a disconnect ends the connection with MQTT 5's
/// "disconnect with Will message" and a power loss drops it without a word (no DISCONNECT), so the
/// broker publishes the Last Will either way; the end publishes the offline status and disconnects
/// cleanly. While the broker cannot be reached, messages are dropped and counted; each hello retries.
/// A caller's cancellation is an <see cref="OperationCanceledException"/>, even while a publish waits for its PUBACK.
/// </summary>
public sealed class MqttControllerOutput : IControllerOutput
{
    private readonly MqttOutputOptions _options;
    private IMqttClient _client;
    private readonly string _statusTopic;
    private readonly string _telemetryTopic;
    private readonly string _eventTopic;
    private ControllerHello? _hello;
    private bool _everConnected;
    private int _dropped;

    public MqttControllerOutput(MqttOutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _client = new MqttClientFactory().CreateMqttClient();
        _statusTopic = CcpTopics.Status(options.Site, options.ControllerId, options.TopicRoot);
        _telemetryTopic = CcpTopics.Telemetry(options.Site, options.ControllerId, options.TopicRoot);
        _eventTopic = CcpTopics.Event(options.Site, options.ControllerId, options.TopicRoot);
    }

    /// <summary>Messages not published because the broker could not be reached.</summary>
    public int Undelivered => Volatile.Read(ref _dropped);

    public async Task HelloAsync(ControllerHello hello, HelloReason reason, CancellationToken cancellationToken)
    {
        _hello = hello;
        if (reason == HelloReason.Periodic && _client.IsConnected)
        {
            return;
        }

        if (!await ConnectAsync(mustSucceed: !_everConnected, cancellationToken))
        {
            return;
        }

        await PublishAsync(_statusTopic, CcpJsonWriter.Online(hello), retain: true, cancellationToken);
    }

    public Task TelemetryAsync(TelemetrySample sample, CancellationToken cancellationToken) =>
        PublishAsync(_telemetryTopic, CcpJsonWriter.Telemetry(sample), retain: false, cancellationToken);

    public Task EventAsync(ControllerEvent controllerEvent, CancellationToken cancellationToken) =>
        PublishAsync(_eventTopic, CcpJsonWriter.Event(controllerEvent), retain: false, cancellationToken);

    public Task GarbageAsync(GarbageItem garbage, CancellationToken cancellationToken) =>
        PublishAsync(_telemetryTopic, GarbageFrames.MqttPayload(garbage), retain: false, cancellationToken);

    public async Task OfflineAsync(OfflineReason reason, CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            return;
        }

        if (reason == OfflineReason.Shutdown)
        {
            await PublishAsync(_statusTopic, CcpJsonWriter.Offline(), retain: true, cancellationToken);
            await DisconnectAsync(MqttClientDisconnectOptionsReason.NormalDisconnection, cancellationToken);
        }
        else if (reason == OfflineReason.PowerLoss)
        {
            // Power is gone: the connection just dies, without a DISCONNECT, and the broker publishes the
            // Last Will (brokers that ignore "disconnect with Will message", such as MQTTnet's, do too).
            _client.Dispose();
            _client = new MqttClientFactory().CreateMqttClient();
        }
        else
        {
            // MQTT 5 "disconnect with Will message": the broker publishes the Last Will as if the link had died.
            await DisconnectAsync(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            using var timeout = new CancellationTokenSource(_options.Timeout);
            await DisconnectAsync(MqttClientDisconnectOptionsReason.NormalDisconnection, timeout.Token);
        }

        _client.Dispose();
    }

    private async Task<bool> ConnectAsync(bool mustSucceed, CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return true;
        }

        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithClientId(_options.ClientId ?? $"ccp-sim-{_options.Site}-{_options.ControllerId}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithTimeout(_options.Timeout)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithWillTopic(_statusTopic)
            .WithWillPayload(CcpJsonWriter.Offline())
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (_options.Username is not null)
        {
            builder = builder.WithCredentials(_options.Username, _options.Password);
        }

        string failure;
        try
        {
            var result = await _client.ConnectAsync(builder.Build(), cancellationToken);
            if (result.ResultCode == MqttClientConnectResultCode.Success)
            {
                _everConnected = true;
                return true;
            }

            failure = $"the broker refused the connection: {result.ResultCode} {result.ReasonString}";
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException
            && !cancellationToken.IsCancellationRequested)
        {
            failure = e.Message;
        }

        if (mustSucceed)
        {
            throw new IOException($"cannot connect to the MQTT broker {_options.Host}:{_options.Port} as {_options.ControllerId}: {failure}");
        }

        return false;
    }

    private async Task DisconnectAsync(MqttClientDisconnectOptionsReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptions { Reason = reason }, cancellationToken);
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            // Already gone: the broker publishes the Last Will by itself.
        }
    }

    private async Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            // Dropped while the broker is away; the next hello (every 60 simulated seconds) reconnects.
            Interlocked.Increment(ref _dropped);
            return;
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            await _client.PublishAsync(message, cancellationToken);
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException) when (cancellationToken.IsCancellationRequested)
        {
            // MQTTnet reports the caller's cancellation of a publish waiting for its PUBACK as a time-out; it is a cancellation.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
        {
            Interlocked.Increment(ref _dropped);
        }
    }
}
