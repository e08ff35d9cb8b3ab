using System.Collections.Concurrent;
using System.IO.Ports;
using System.Text;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Devices.Serial;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>
/// A controller that missed the one <c>$CCQ,HELLO</c> sent when the port opened: the link asks again
/// (not more than once per interval, on its TimeProvider) while its frames arrive, and keeps them
/// once it answers, instead of losing every frame until the controller's own periodic hello.
/// </summary>
public sealed class SerialHelloRetryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);
    private static readonly ControllerHello Hello = new("CHAIR-07", 0x1234abcd, "SIM-1", "1.0.0", 1);

    [Fact(Timeout = 30_000)]
    public async Task ControllerThatMissedTheHello_IsAskedAgainWhileItsFramesArrive_AndItsFramesAreKept()
    {
        await using var pair = await SocatPair.StartAsync(Token());
        using var controller = new ControllerEnd(pair.PortB);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using var link = await LinkHost.StartAsync(SerialLinkTests.Settings(pair.PortA), timeProvider: time);
        await controller.WaitForQueriesAsync(1, Wait); // the query on open, which this controller "misses"

        // Frames without a hello, within the interval of the first query: not asked again yet.
        controller.SendTelemetry(1, 2, 3);
        await Task.Delay(Quiet);
        Assert.Equal(1, controller.Queries);

        // The interval passes while frames keep coming: asked again, once.
        time.Advance(SerialPortLink.HelloRetryInterval);
        controller.SendTelemetry(4);
        await controller.WaitForQueriesAsync(2, Wait);
        controller.SendTelemetry(5, 6);
        await Task.Delay(Quiet);
        Assert.Equal(2, controller.Queries);

        // It answers this time; every frame, held ones and later ones, is kept with its boot.
        controller.Send(CcpSerialWriter.Format(Hello));
        controller.SendTelemetry(7, 8, 9, 10);
        var telemetry = await link.Messages.WaitForAllAsync<TelemetryReceived>(10, Wait);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (uint)i), telemetry.Select(t => t.Sample.Seq));
        Assert.All(telemetry, t => Assert.Equal(Hello.Boot, t.Sample.Boot));

        // Once it has said hello, no more asking, however long frames keep coming.
        time.Advance(SerialPortLink.HelloRetryInterval * 3);
        controller.SendTelemetry(11, 12);
        await link.Messages.WaitForAllAsync<TelemetryReceived>(12, Wait);
        await Task.Delay(Quiet);
        Assert.Equal(2, controller.Queries);
        link.AssertHealthy();
    }

    private static CancellationToken Token() => new CancellationTokenSource(Wait).Token;

    /// <summary>The controller's end of the pair, written by hand: counts the queries it reads.</summary>
    private sealed class ControllerEnd : IDisposable
    {
        private readonly SerialPort _port;
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly Task _reading;

        public ControllerEnd(string path)
        {
            _port = new SerialPort(path, 115200) { WriteTimeout = 1000 };
            _port.Open();
            _reading = Task.Run(ReadAsync);
        }

        public int Queries => _lines.Count(l => l == "$CCQ,HELLO*3F");

        public async Task WaitForQueriesAsync(int count, TimeSpan timeout) =>
            await Eventually.HoldsAsync(() => Queries >= count, timeout, $"{count} $CCQ,HELLO from the link");

        public void SendTelemetry(params int[] seqs)
        {
            foreach (var seq in seqs)
            {
                var at = new DateTimeOffset(2026, 11, 27, 9, 0, seq, TimeSpan.Zero);
                Send(CcpSerialWriter.Format(new TelemetrySample(
                    "CHAIR-07", 0, (uint)seq, at, ControllerState.Cooling, new Temperature(-38), null, 620, true, ControllerAlarms.None)));
            }
        }

        public void Send(string line)
        {
            var bytes = Encoding.ASCII.GetBytes(line);
            _port.BaseStream.Write(bytes);
            _port.BaseStream.Flush();
        }

        public void Dispose()
        {
            _port.Dispose();
            _ = _reading.Wait(TimeSpan.FromSeconds(2));
        }

        private async Task ReadAsync()
        {
            var buffer = new byte[256];
            var line = new StringBuilder();
            try
            {
                while (true)
                {
                    var read = await _port.BaseStream.ReadAsync(buffer);
                    if (read == 0)
                    {
                        return;
                    }

                    foreach (var c in Encoding.ASCII.GetString(buffer, 0, read))
                    {
                        if (c == '\n')
                        {
                            _lines.Enqueue(line.ToString().TrimEnd('\r'));
                            line.Clear();
                        }
                        else
                        {
                            line.Append(c);
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
            {
                // the port closed
            }
        }
    }
}
