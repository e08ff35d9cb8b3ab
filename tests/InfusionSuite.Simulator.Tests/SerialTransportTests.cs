using System.IO.Ports;
using System.Text;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Simulator.Scenarios;
using InfusionSuite.Testing;

namespace InfusionSuite.Simulator.Tests;

/// <summary>The serial transport over a real socat pseudo-terminal pair, read back with <see cref="SerialPort"/>.</summary>
public sealed class SerialTransportTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    [Fact(Timeout = 30_000)]
    public async Task TinySession_OverAPseudoTerminal_ArrivesAsCheckedCcpLines()
    {
        await using var pair = await SocatPair.StartAsync(Token());
        using var host = OpenHost(pair);
        var scenario = new Scenario
        {
            Name = "tiny-serial",
            Session = SimulatedControllerTests.Tiny(),
            Incidents = [new Incident { Kind = IncidentKind.Garbage, Phase = SessionPhase.Precool, AtMinutes = 0.1, Count = 5 }],
        };
        var clock = new ScaledTimeProvider(120);
        var output = new SerialPortOutput(new SerialPortOutputOptions { PortName = pair.PortA });
        var lines = ReadLinesAsync(host, until: line => line.Contains(",CAP_OFF,", StringComparison.Ordinal));

        await using (output)
        {
            await new SimulatedController(scenario, SimulatedChair.Numbered(0), 3, output, clock).RunAsync(null, CancellationToken.None).WaitAsync(s_timeout);
        }

        var received = await lines.WaitAsync(s_timeout);
        Assert.StartsWith("$CCH,CHAIR-01,", received[0], StringComparison.Ordinal);
        var good = received.Where(GarbageFramesTests.ChecksumMatches).ToList();
        Assert.All(good, line => Assert.True(line.Length <= CcpSerialWriter.MaxLineLength || line.Contains(",0000", StringComparison.Ordinal)));
        Assert.InRange(good.Count(l => l.StartsWith("$CCT,", StringComparison.Ordinal)), 250, 290);
        Assert.Equal(
            ["SETPOINT", "CALIBRATED", "CAP_ON", "COOLING_START", "COOLING_STOP", "CAP_OFF"],
            good.Where(l => l.StartsWith("$CCE,", StringComparison.Ordinal)).Select(l => l.Split(',')[4]));
        Assert.Equal(0, output.Undelivered);
        Assert.Contains(received, line => !GarbageFramesTests.ChecksumMatches(line));
    }

    [Fact(Timeout = 30_000)]
    public async Task HostQuery_IsAnsweredWithCch_AndDisconnectClosesThePortUntilTheReconnect()
    {
        await using var pair = await SocatPair.StartAsync(Token());
        using var host = OpenHost(pair);
        var hello = new Domain.Controllers.ControllerHello("CHAIR-07", 0x9f3a61c2, "SIM-1", "1.0.0", 1);
        await using var output = new SerialPortOutput(new SerialPortOutputOptions { PortName = pair.PortA });

        await output.HelloAsync(hello, HelloReason.PowerOn, CancellationToken.None);
        Assert.Equal("$CCH,CHAIR-07,9f3a61c2,SIM-1,1.0.0,1*0F", host.ReadLine());

        host.Write(CcpSerialWriter.Query.ToArray(), 0, CcpSerialWriter.Query.Length);
        Assert.Equal("$CCH,CHAIR-07,9f3a61c2,SIM-1,1.0.0,1*0F", host.ReadLine());
        Assert.Equal(1, output.QueriesAnswered);

        await output.OfflineAsync(OfflineReason.Disconnect, CancellationToken.None);
        await output.EventAsync(new Domain.Controllers.ControllerEvent("CHAIR-07", 0x9f3a61c2, 1, DateTimeOffset.UnixEpoch, Domain.Controllers.ControllerEventKind.Pause, null), CancellationToken.None);
        Assert.Equal(1, output.Undelivered);

        await output.HelloAsync(hello, HelloReason.Reconnect, CancellationToken.None);
        Assert.Equal("$CCH,CHAIR-07,9f3a61c2,SIM-1,1.0.0,1*0F", host.ReadLine());
        Assert.Equal(1, output.Undelivered);
    }

    private static CancellationToken Token() => new CancellationTokenSource(s_timeout).Token;

    /// <summary>The host's end of the pair (<see cref="SocatPair.PortB"/>); the simulator writes to <see cref="SocatPair.PortA"/>.</summary>
    private static SerialPort OpenHost(SocatPair pair)
    {
        var host = new SerialPort(pair.PortB, 115200) { ReadTimeout = 10_000, WriteTimeout = 2_000, NewLine = "\r\n" };
        host.Open();
        return host;
    }

    private static Task<List<string>> ReadLinesAsync(SerialPort host, Func<string, bool> until) => Task.Run(() =>
    {
        var lines = new List<string>();
        var pending = new StringBuilder();
        var buffer = new byte[4096];
        while (true)
        {
            var read = host.BaseStream.Read(buffer, 0, buffer.Length);
            pending.Append(Encoding.ASCII.GetString(buffer, 0, read));
            int end;
            while ((end = pending.ToString().IndexOf("\r\n", StringComparison.Ordinal)) >= 0)
            {
                var line = pending.ToString(0, end);
                pending.Remove(0, end + 2);
                lines.Add(line);
                if (until(line))
                {
                    return lines;
                }
            }
        }
    });
}
