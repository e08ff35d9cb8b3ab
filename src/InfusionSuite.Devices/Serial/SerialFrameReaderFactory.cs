using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Devices.Protocol;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Devices.Serial;

/// <summary>Makes the per-port frame reader (one per opening of a port: a reopened port starts clean).</summary>
internal sealed class SerialFrameReaderFactory(
    IControllerMessageSink sink,
    ControllerPresence presence,
    CcpMetrics ccpMetrics,
    LinkMetrics metrics,
    TimeProvider timeProvider,
    ILogger<SerialFrameReader> logger)
{
    public SerialFrameReader CreateReader(SerialPortOptions port) =>
        new(port, sink, presence, ccpMetrics, metrics, timeProvider, logger);
}
