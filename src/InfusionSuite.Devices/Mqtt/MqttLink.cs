using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Ports;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Liveness;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Devices.Mqtt;

/// <summary>
/// The MQTT link: keeps one persistent session with the broker (clean start off), reconnecting
/// with back-off on the TimeProvider, and puts every valid message in the
/// <see cref="IControllerMessageSink"/> with a handle that sends its PUBACK once stored. It connects only
/// once this process holds the <see cref="IWriterLease"/> (at once for a single suite), so a standby worker
/// never takes the broker session of a site it does not own.
/// </summary>
internal sealed partial class MqttLink(
    IMqttClientAdapter client,
    MqttMessageReceiver receiver,
    ControllerPresence presence,
    CcpMetrics metrics,
    TimeProvider timeProvider,
    IOptions<MqttLinkOptions> options,
    IWriterLease lease,
    ILogger<MqttLink> logger) : BackgroundService
{
    public const string LinkName = "mqtt";

    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(10);

    private readonly MqttLinkOptions _options = options.Value;
    private bool _subscribed;
    private bool _everConnected;

    public override void Dispose()
    {
        client.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        client.MessageReceived = (message, _) => receiver.ReceiveAsync(message, stoppingToken);
        try
        {
            await lease.WaitUntilHeldAsync(stoppingToken);
            await KeepConnectedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            await DisconnectAsync();
        }
    }

    private async Task KeepConnectedAsync(CancellationToken cancellationToken)
    {
        var delay = _options.ReconnectDelayMin;
        var lastPing = timeProvider.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!client.IsConnected)
            {
                presence.SetLinkUp(LinkName, false);
                if (!await TryConnectAsync(cancellationToken))
                {
                    await Task.Delay(delay, timeProvider, cancellationToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectDelayMax.Ticks));
                    continue;
                }

                delay = _options.ReconnectDelayMin;
                lastPing = timeProvider.GetUtcNow();
            }

            await Task.Delay(_options.ConnectionCheckInterval, timeProvider, cancellationToken);
            if (client.IsConnected && timeProvider.GetUtcNow() - lastPing >= _options.KeepAlive)
            {
                lastPing = timeProvider.GetUtcNow();
                if (!await PingAsync(cancellationToken))
                {
                    LogPingFailed(logger);
                    await DisconnectAsync();
                }
            }
        }
    }

    private async Task<bool> TryConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = WithTimeout(cancellationToken);
            var outcome = await client.ConnectAsync(_options, timeout.Token);
            if (!outcome.Success)
            {
                LogConnectRefused(logger, _options.Host, _options.Port, outcome.Reason);
                return false;
            }

            if (!outcome.SessionPresent || !_subscribed)
            {
                if (!await client.SubscribeAsync(MqttTopicFilters.For(_options), timeout.Token))
                {
                    LogSubscribeRefused(logger);
                    await DisconnectAsync();
                    return false;
                }

                _subscribed = true;
            }

            if (_everConnected)
            {
                metrics.Reconnect(CcpTransport.Mqtt);
            }

            _everConnected = true;
            presence.SetLinkUp(LinkName, true);
            LogConnected(logger, _options.Host, _options.Port, outcome.SessionPresent);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            LogConnectFailed(logger, _options.Host, _options.Port, exception.GetType().Name, exception.Message);
            return false;
        }
    }

    private async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var timeout = WithTimeout(cancellationToken);
        return await client.TryPingAsync(timeout.Token);
    }

    private async Task DisconnectAsync()
    {
        presence.SetLinkUp(LinkName, false);
        try
        {
            using var timeout = WithTimeout(CancellationToken.None);
            await client.DisconnectAsync(timeout.Token);
        }
        catch (Exception exception)
        {
            LogDisconnectFailed(logger, exception.GetType().Name);
        }
    }

    private CancellationTokenSource WithTimeout(CancellationToken cancellationToken)
    {
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        linked.CancelAfter(OperationTimeout);
        return linked;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT link connected to {Host}:{Port} (session present: {SessionPresent})")]
    private static partial void LogConnected(ILogger logger, string host, int port, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker {Host}:{Port} refused the connection: {Reason}")]
    private static partial void LogConnectRefused(ILogger logger, string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT link could not connect to {Host}:{Port}: {ErrorType} {ErrorMessage}")]
    private static partial void LogConnectFailed(ILogger logger, string host, int port, string errorType, string errorMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker refused a CCP/1 subscription; reconnecting")]
    private static partial void LogSubscribeRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker did not answer a ping; reconnecting")]
    private static partial void LogPingFailed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT disconnect was not clean: {ErrorType}")]
    private static partial void LogDisconnectFailed(ILogger logger, string errorType);
}
