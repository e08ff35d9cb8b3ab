using System.IO.Ports;
using System.Text;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Engine;

namespace InfusionSuite.Simulator.Outputs;

/// <summary>
/// A controller on a serial port: CRLF lines at 115200 8N1, CCH at power-on, every 60 s and in answer
/// to <c>$CCQ,HELLO*3F</c>. A disconnect closes the port (the receiver sees it vanish) until the
/// reconnect opens it again. A write that fails or times out is dropped and counted in <see cref="Undelivered"/>,
/// and the port is closed until the next hello reopens it (the port may have vanished and come back).
/// </summary>
public sealed class SerialPortOutput(SerialPortOutputOptions options) : IControllerOutput
{
    private static readonly TimeSpan s_closeLimit = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private SerialPort? _port;
    private SerialStreamOutput? _lines;
    private CancellationTokenSource? _readerStop;
    private ControllerHello? _hello;
    private bool _everOpened;
    private int _droppedLines;

    /// <summary>Lines not written because the port was closed, gone or not read.</summary>
    public int Undelivered => Volatile.Read(ref _droppedLines);

    /// <summary>CCQ HELLO queries answered.</summary>
    public int QueriesAnswered { get; private set; }

    public async Task HelloAsync(ControllerHello hello, HelloReason reason, CancellationToken cancellationToken)
    {
        _hello = hello;
        if (reason != HelloReason.Periodic || _port is null)
        {
            Open();
        }

        await WriteAsync(Line(hello), cancellationToken);
    }

    public Task TelemetryAsync(TelemetrySample sample, CancellationToken cancellationToken) =>
        WriteAsync(Encoding.ASCII.GetBytes(CcpSerialWriter.Format(sample)), cancellationToken);

    public Task EventAsync(ControllerEvent controllerEvent, CancellationToken cancellationToken) =>
        WriteAsync(Encoding.ASCII.GetBytes(CcpSerialWriter.Format(controllerEvent)), cancellationToken);

    public Task GarbageAsync(GarbageItem garbage, CancellationToken cancellationToken) =>
        WriteAsync(GarbageFrames.SerialLine(garbage), cancellationToken);

    public Task OfflineAsync(OfflineReason reason, CancellationToken cancellationToken)
    {
        // A power loss leaves an RS-232 line in place, silent; a disconnect or the end closes the port.
        _hello = null;
        if (reason != OfflineReason.PowerLoss)
        {
            Close();
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    private static byte[] Line(ControllerHello hello) => Encoding.ASCII.GetBytes(CcpSerialWriter.Format(hello));

    private void Open()
    {
        lock (_gate)
        {
            if (_port is not null)
            {
                return;
            }

            var port = new SerialPort(options.PortName, options.BaudRate, Parity.None, 8, StopBits.One)
            {
                Handshake = Handshake.None,
                WriteTimeout = (int)options.WriteTimeout.TotalMilliseconds,
                NewLine = "\r\n",
            };
            try
            {
                port.Open();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                port.Dispose();
                if (!_everOpened)
                {
                    throw new IOException($"cannot open serial port {options.PortName}: {e.Message}", e);
                }

                return; // the port is still gone; the next hello tries again
            }

            _everOpened = true;
            _port = port;
            _lines = new SerialStreamOutput(port.BaseStream);
            _readerStop = new CancellationTokenSource();
            _ = AnswerQueriesAsync(port, _readerStop.Token);
        }
    }

    private void Close()
    {
        SerialPort? port;
        lock (_gate)
        {
            port = _port;
            _port = null;
            _lines = null;
            _readerStop?.Cancel();
            _readerStop?.Dispose();
            _readerStop = null;
        }

        if (port is not null)
        {
            // Close() can hang after a timed-out write (PLATFORM-NOTES): dispose on a background task with a time limit.
            _ = Task.Run(port.Dispose).WaitAsync(s_closeLimit);
        }
    }

    private async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var lines = _lines;
        if (lines is null)
        {
            Interlocked.Increment(ref _droppedLines);
            return;
        }

        try
        {
            await lines.WriteAsync(bytes, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // Without flow control a working port never holds a write for seconds: a timeout means the far
            // side is gone (a vanished pseudo-terminal times out rather than failing), as does any error.
            // Treat both as a disconnect; the next hello (every 60 simulated seconds) reopens the port.
            Interlocked.Increment(ref _droppedLines);
            Close();
        }
    }

    private async Task AnswerQueriesAsync(SerialPort port, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        var line = new StringBuilder();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var read = await port.BaseStream.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    return;
                }

                for (var i = 0; i < read; i++)
                {
                    var b = buffer[i];
                    if (b == (byte)'$')
                    {
                        line.Clear();
                    }

                    line.Append((char)b);
                    if (b == (byte)'\n')
                    {
                        await AnswerAsync(line.ToString(), cancellationToken);
                        line.Clear();
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            // The port closed or vanished: the reader ends; a reconnect starts a new one.
        }
    }

    private async Task AnswerAsync(string line, CancellationToken cancellationToken)
    {
        if (line == Encoding.ASCII.GetString(CcpSerialWriter.Query) && _hello is { } hello)
        {
            QueriesAnswered++;
            await WriteAsync(Line(hello), cancellationToken);
        }
    }
}
