using System.IO.Ports;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.LoadTest;

/// <summary>
/// One virtual controller per pseudo-terminal: answers the worker's <c>$CCQ,HELLO</c> with its CCH,
/// then writes CCT lines (<see cref="CcpSerialWriter"/>) at R Hz, <c>ts</c> = the instant written.
/// </summary>
internal sealed class SerialControllers : IDisposable
{
    public const uint Boot = 0x5e1a0001;

    private readonly SerialPort[] _ports;
    private readonly int[] _queries;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];

    private SerialControllers(IReadOnlyList<string> paths)
    {
        _ports = [.. paths.Select(p => new SerialPort(p, 115200) { WriteTimeout = 1000, ReadTimeout = SerialPort.InfiniteTimeout })];
        _queries = new int[paths.Count];
    }

    public long Written { get; private set; }

    public long WriteFailures { get; private set; }

    public static string Id(int port) => $"SER-{port:00}";

    public static SerialControllers Open(IReadOnlyList<string> paths)
    {
        var controllers = new SerialControllers(paths);
        for (var i = 0; i < controllers._ports.Length; i++)
        {
            controllers._ports[i].Open();
            var port = i;
            controllers._readers.Add(Task.Run(() => controllers.ReadQueriesAsync(port, controllers._stop.Token)));
        }

        return controllers;
    }

    /// <summary>Waits until the worker opened every port (each open sends a CCQ), then says hello on each.</summary>
    public async Task HelloWhenQueriedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (Array.Exists(_queries, q => q == 0))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }

        for (var i = 0; i < _ports.Length; i++)
        {
            Write(i, CcpSerialWriter.Format(new ControllerHello(Id(i), Boot, "SIM-1", "1.0.0", 1)));
        }
    }

    /// <summary>Writes seq 1…<paramref name="samplesPerPort"/> on every port at <paramref name="rateHz"/>, the ports spread over each period.</summary>
    public async Task RunAsync(double rateHz, long samplesPerPort, TimeProvider time, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        var period = TimeSpan.FromSeconds(1 / rateHz);
        for (long seq = 1; seq <= samplesPerPort; seq++)
        {
            for (var port = 0; port < _ports.Length; port++)
            {
                var due = (period * (seq - 1)) + (period * port / _ports.Length);
                var wait = due - time.GetElapsedTime(start);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, time, cancellationToken);
                }

                var sample = new TelemetrySample(Id(port), Boot, (uint)seq, time.GetUtcNow(), ControllerState.Cooling,
                    new Temperature(-38), new Temperature(176), 620, true, ControllerAlarms.None);
                Write(port, CcpSerialWriter.Format(sample));
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var port in _ports)
        {
            port.Dispose();
        }

        _stop.Dispose();
    }

    private void Write(int port, string line)
    {
        try
        {
            _ports[port].Write(line);
            Written++;
        }
        catch (Exception exception) when (exception is TimeoutException or IOException or InvalidOperationException)
        {
            WriteFailures++;
        }
    }

    private async Task ReadQueriesAsync(int port, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var read = await _ports[port].BaseStream.ReadAsync(buffer, cancellationToken);
                if (read > 0 && buffer.AsSpan(0, read).IndexOf("CCQ"u8) >= 0)
                {
                    Interlocked.Increment(ref _queries[port]);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or IOException)
        {
            // the run is over
        }
    }
}
