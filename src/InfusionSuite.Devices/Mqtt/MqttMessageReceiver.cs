using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Devices.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Devices.Mqtt;

/// <summary>
/// Turns one PUBLISH into controller messages (through the codec's <see cref="CcpMqttParser"/>,
/// which counts accepted and rejected ones) and queues them. Runs inside MQTTnet's sequential
/// receive handler, so it waits only for the queue, never for storage. A discarded message is
/// acknowledged at once (there is nothing to store); a queued one when the consumer has stored it.
/// </summary>
internal sealed partial class MqttMessageReceiver(
    IControllerMessageSink sink,
    ControllerPresence presence,
    CcpMetrics metrics,
    TimeProvider timeProvider,
    IOptions<MqttLinkOptions> options,
    ILogger<MqttMessageReceiver> logger)
{
    private readonly CcpMqttParser _parser = new(options.Value.Root, metrics);

    public async Task ReceiveAsync(MqttInboundMessage inbound, CancellationToken cancellationToken)
    {
        try
        {
            var receivedAt = timeProvider.GetUtcNow();
            if (_parser.Parse(inbound.Topic, inbound.Payload, out var parsed) != CcpRejection.None)
            {
                await inbound.Acknowledgement.AcknowledgeAsync(cancellationToken);
                return;
            }

            var message = ToMessage(parsed, receivedAt) with { Site = parsed.Site, Acknowledgement = inbound.Acknowledgement };
            if (message is ControllerPresenceChanged { Online: false })
            {
                presence.MarkOffline(message.ControllerId);
            }
            else if (presence.Heard(message))
            {
                await sink.WriteAsync(PresenceMessages.CameOnline(message), cancellationToken);
            }

            await sink.WriteAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping: not acknowledged, the broker keeps it for the next session
        }
        catch (Exception exception)
        {
            LogReceiveFailed(logger, exception);
        }
    }

    private static ControllerMessage ToMessage(in CcpMqttMessage parsed, DateTimeOffset receivedAt)
    {
        var id = parsed.ControllerId;
        const CcpTransport mqtt = CcpTransport.Mqtt;
        return parsed.Kind switch
        {
            CcpMessageKind.Telemetry => new TelemetryReceived(parsed.Telemetry) { ControllerId = id, Transport = mqtt, ReceivedAt = receivedAt },
            CcpMessageKind.Event => new ControllerEventReceived(parsed.Event!) { ControllerId = id, Transport = mqtt, ReceivedAt = receivedAt },
            _ when parsed.Online => new ControllerHelloReceived(parsed.Hello!) { ControllerId = id, Transport = mqtt, ReceivedAt = receivedAt },
            _ => new ControllerPresenceChanged(false, PresenceReason.StatusOffline) { ControllerId = id, Transport = mqtt, ReceivedAt = receivedAt },
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An MQTT message could not be queued; it is not acknowledged")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception);
}
