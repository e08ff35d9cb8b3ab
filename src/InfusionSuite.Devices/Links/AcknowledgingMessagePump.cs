using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Devices.Links;

/// <summary>
/// The interim consumer of <see cref="ControllerMessageQueue"/> until the ingest worker stores
/// messages: it drops duplicates, hands each message to every <see cref="IControllerMessageHandler"/>
/// and then acknowledges it. The worker replaces this with one that acknowledges after storage.
/// </summary>
internal sealed partial class AcknowledgingMessagePump(
    ControllerMessageQueue queue,
    IEnumerable<IControllerMessageHandler> handlers,
    CcpMetrics metrics,
    ILogger<AcknowledgingMessagePump> logger) : BackgroundService
{
    private readonly IControllerMessageHandler[] _handlers = [.. handlers];
    private readonly DuplicateFilter _duplicates = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await HandleAsync(message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: what is left in the queue is not acknowledged, so the broker delivers it again
        }
    }

    private async Task HandleAsync(ControllerMessage message, CancellationToken cancellationToken)
    {
        var key = message switch
        {
            TelemetryReceived t => t.Sample.Key,
            ControllerEventReceived e => e.Event.Key,
            _ => (Domain.Controllers.MessageKey?)null,
        };
        if (key is { } k && !_duplicates.TryKeep(k))
        {
            metrics.Duplicate(message.Transport);
            await message.Acknowledgement.AcknowledgeAsync(cancellationToken);
            return;
        }

        try
        {
            foreach (var handler in _handlers)
            {
                await handler.HandleAsync(message, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogHandlerFailed(logger, exception, message.GetType().Name);
            return; // not acknowledged: the broker delivers it again after a reconnect
        }

        await message.Acknowledgement.AcknowledgeAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A controller message handler failed on a {MessageType}; the message is not acknowledged")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string messageType);
}
