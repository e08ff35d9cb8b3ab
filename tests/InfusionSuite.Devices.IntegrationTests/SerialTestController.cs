using System.IO.Ports;
using System.Text;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>The controller's end of a pseudo-terminal pair: writes CCP/1 lines, reads the host's queries.</summary>
internal sealed class SerialTestController : IAsyncDisposable
{
    private readonly SerialPort _port;
    private readonly StringBuilder _received = new();

    private SerialTestController(SerialPort port) => _port = port;

    public static SerialTestController Open(string path)
    {
        var port = new SerialPort(path, 115200) { WriteTimeout = 1000 };
        port.Open();
        return new SerialTestController(port);
    }

    /// <summary>Waits until the host has sent <c>$CCQ,HELLO</c> (once more than <paramref name="alreadySeen"/> times).</summary>
    public async Task WaitForHelloQueryAsync(TimeSpan timeout, int alreadySeen = 0)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var buffer = new byte[256];
        while (Count(_received.ToString(), "$CCQ,HELLO*3F\r\n") <= alreadySeen)
        {
            var read = await _port.BaseStream.ReadAsync(buffer, deadline.Token);
            _received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    public async Task SendHelloAsync(string controllerId, uint boot) =>
        await WriteAsync(CcpSerialWriter.Format(new ControllerHello(controllerId, boot, "SIM-1", "1.0.0", 1)));

    public async Task SendTelemetryAsync(string controllerId, uint seq)
    {
        var sample = new TelemetrySample(controllerId, 0, seq, new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero).AddSeconds(seq),
            ControllerState.Cooling, Temperature.FromCelsius(-3.8m), Temperature.FromCelsius(17.6m), 620, true, ControllerAlarms.None);
        await WriteAsync(CcpSerialWriter.Format(sample));
    }

    public async ValueTask DisposeAsync()
    {
        // Closing a port whose far side vanished can hang: give it a moment, then leave it.
        await Task.Run(_port.Dispose).WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task WriteAsync(string line)
    {
        var bytes = Encoding.ASCII.GetBytes(line);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _port.BaseStream.WriteAsync(bytes, deadline.Token);
        await _port.BaseStream.FlushAsync(deadline.Token);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
