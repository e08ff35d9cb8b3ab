using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Liveness;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Devices.Mqtt;

/// <summary>
/// Turns one PUBLISH into controller messages and queues them. Runs inside MQTTnet's sequential
/// receive handler, so it waits only for the queue, never for storage. A discarded message is
/// acknowledged at once (there is nothing to store); a queued one when the consumer has stored it.
/// </summary>
internal sealed partial class MqttMessageReceiver(
    IControllerMessageSink sink,
    ControllerPresence presence,
    LinkMetrics metrics,
    TimeProvider timeProvider,
    IOptions<MqttLinkOptions> options,
    ILogger<MqttMessageReceiver> logger)
{
    public async Task ReceiveAsync(MqttInboundMessage inbound, CancellationToken cancellationToken)
    {
        try
        {
            var receivedAt = timeProvider.GetUtcNow();
            var decoded = MqttPayloadDecoder.Decode(options.Value.Root, inbound, receivedAt);
            if (decoded.Message is not { } message)
            {
                metrics.Rejected(ControllerTransport.Mqtt, decoded.RejectReason);
                await inbound.Acknowledgement.AcknowledgeAsync(cancellationToken);
                return;
            }

            if (message is ControllerPresenceChanged { Online: false })
            {
                presence.MarkOffline(message.ControllerId);
            }
            else if (presence.Heard(message))
            {
                await sink.WriteAsync(PresenceMessages.CameOnline(message), cancellationToken);
            }

            await sink.WriteAsync(message, cancellationToken);
            metrics.Accepted(ControllerTransport.Mqtt);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "An MQTT message could not be queued; it is not acknowledged")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception);
}
