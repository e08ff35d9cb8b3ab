using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Engine;

namespace InfusionSuite.Simulator.Outputs;

/// <summary>
/// Writes CCP/1 serial lines (CCH, CCT, CCE, garbage) to a stream: the bytes a controller puts on its
/// port. Used by <see cref="SerialPortOutput"/> and, over a <see cref="MemoryStream"/>, by tests.
/// Going offline writes nothing; the stream is not closed (its owner closes it).
/// </summary>
public sealed class SerialStreamOutput(Stream stream) : IControllerOutput
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public Task HelloAsync(ControllerHello hello, HelloReason reason, CancellationToken cancellationToken) =>
        WriteAsync(Line(buffer => CcpSerialWriter.Write(hello, buffer)), cancellationToken);

    public Task TelemetryAsync(TelemetrySample sample, CancellationToken cancellationToken) =>
        WriteAsync(Line(buffer => CcpSerialWriter.Write(sample, buffer)), cancellationToken);

    public Task EventAsync(ControllerEvent controllerEvent, CancellationToken cancellationToken) =>
        WriteAsync(Line(buffer => CcpSerialWriter.Write(controllerEvent, buffer)), cancellationToken);

    public Task GarbageAsync(GarbageItem garbage, CancellationToken cancellationToken) =>
        WriteAsync(GarbageFrames.SerialLine(garbage), cancellationToken);

    public Task OfflineAsync(OfflineReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A stream takes every line, or the write fails the run.</summary>
    public int Undelivered => 0;

    /// <summary>Writes bytes as one unit (a line never interleaves with another).</summary>
    public async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            stream.Write(bytes);
            stream.Flush();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _writeLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private static byte[] Line(LineWriter write)
    {
        Span<byte> buffer = stackalloc byte[CcpSerialWriter.MaxLineLength];
        return buffer[..write(buffer)].ToArray();
    }

    private delegate int LineWriter(Span<byte> buffer);
}
