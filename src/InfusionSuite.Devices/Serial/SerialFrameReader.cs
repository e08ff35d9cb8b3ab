using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Devices.Serial;

/// <summary>
/// Bytes of one open port to queued controller messages, through the codec's
/// <see cref="CcpSerialReader"/> (line splitting, resync on <c>$</c>, checksum, boot of the latest
/// CCH, counting). Frames from a controller other than the port's expected one are discarded and
/// counted, with one warning per opening of the port. One per opening, fed from its read loop.
/// </summary>
internal sealed partial class SerialFrameReader : ICcpMessageSink
{
    private readonly SerialPortOptions _port;
    private readonly IControllerMessageSink _sink;
    private readonly ControllerPresence _presence;
    private readonly LinkMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CcpSerialReader _reader;
    private readonly List<ControllerMessage> _pending = [];
    private DateTimeOffset _receivedAt;
    private bool _warnedUnexpected;

    public SerialFrameReader(
        SerialPortOptions port, IControllerMessageSink sink, ControllerPresence presence, CcpMetrics ccpMetrics,
        LinkMetrics metrics, TimeProvider timeProvider, ILogger logger)
    {
        _port = port;
        _sink = sink;
        _presence = presence;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
        _reader = new CcpSerialReader(this, ccpMetrics);
    }

    /// <summary>
    /// Set while frames come from a controller whose boot is unknown (it has not said hello): the link
    /// should ask <c>CCQ,HELLO</c>. Cleared by a hello, or by the link when it asks.
    /// </summary>
    public bool HelloNeeded { get; set; }

    public async ValueTask FeedAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        _receivedAt = _timeProvider.GetUtcNow();
        _reader.Read(bytes.Span);
        foreach (var message in _pending)
        {
            if (_presence.Heard(message))
            {
                await _sink.WriteAsync(PresenceMessages.CameOnline(message), cancellationToken);
            }

            await _sink.WriteAsync(message, cancellationToken);
        }

        _pending.Clear();
    }

    /// <summary>The port closed: a partial line is counted as truncated, boots are forgotten.</summary>
    public void Reset() => _reader.Reset();

    void ICcpMessageSink.OnHello(ControllerHello hello)
    {
        HelloNeeded = false;
        Add(hello.ControllerId, id => new ControllerHelloReceived(hello) { ControllerId = id, Transport = CcpTransport.Serial, ReceivedAt = _receivedAt });
    }

    void ICcpMessageSink.OnTelemetry(in TelemetrySample sample)
    {
        var copy = sample;
        Add(sample.ControllerId, id => new TelemetryReceived(copy) { ControllerId = id, Transport = CcpTransport.Serial, ReceivedAt = _receivedAt });
    }

    void ICcpMessageSink.OnEvent(ControllerEvent controllerEvent) =>
        Add(controllerEvent.ControllerId, id => new ControllerEventReceived(controllerEvent) { ControllerId = id, Transport = CcpTransport.Serial, ReceivedAt = _receivedAt });

    void ICcpMessageSink.OnHelloNeeded(string controllerId) => HelloNeeded = true;

    private void Add(string controllerId, Func<string, ControllerMessage> create)
    {
        if (_port.ExpectedControllerId is { } expected && !string.Equals(expected, controllerId, StringComparison.Ordinal))
        {
            _metrics.UnexpectedController();
            if (!_warnedUnexpected)
            {
                _warnedUnexpected = true;
                LogUnexpectedController(_logger, _port.Path, expected, controllerId);
            }

            return;
        }

        _pending.Add(create(controllerId) with { SerialPort = _port.Path });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Serial port {Port} expects controller {Expected} but {Actual} speaks on it; its frames are discarded and counted")]
    private static partial void LogUnexpectedController(ILogger logger, string port, string expected, string actual);
}
