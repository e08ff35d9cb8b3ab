using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Liveness;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Devices.Serial;

/// <summary>
/// Bytes of one open port to queued controller messages, through the codec's CCP/1 line reader.
/// Frames from a controller other than the port's expected one are discarded and counted.
/// </summary>
internal sealed partial class SerialFrameReader(
    SerialPortOptions port,
    IControllerMessageSink sink,
    ControllerPresence presence,
    LinkMetrics metrics,
    TimeProvider timeProvider,
    ILogger<SerialFrameReader> logger)
{
    public ValueTask FeedAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        // Wired to the codec's per-port line reader once it lands.
        _ = (bytes, port, sink, presence, metrics, timeProvider, logger);
        return ValueTask.CompletedTask;
    }
}
