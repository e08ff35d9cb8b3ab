using System.Diagnostics;
using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Testing;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>Controller → socat pseudo-terminal pair → serial link → consumer.</summary>
public sealed class SerialLinkTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private const uint Boot = 0x9f3a61c2;

    [Fact(Timeout = 30_000)]
    public async Task SocatKilledMidStream_PortOfflineWithinASecond_AndResumesWhenBack()
    {
        await using var pair = await SocatPair.StartAsync(Token());
        await using var link = await LinkHost.StartAsync(Settings(pair.PortA));

        await using (var controller = SerialTestController.Open(pair.PortB))
        {
            await controller.WaitForHelloQueryAsync(Wait);
            await controller.SendHelloAsync("CHAIR-07", Boot);
            for (uint seq = 1; seq <= 3; seq++)
            {
                await controller.SendTelemetryAsync("CHAIR-07", seq);
            }

            await link.Messages.WaitForAsync<ControllerHelloReceived>(Wait);
            for (uint seq = 1; seq <= 3; seq++)
            {
                var telemetry = await link.Messages.WaitForAsync<TelemetryReceived>(Wait);
                Assert.Equal(seq, telemetry.Sample.Seq);
                Assert.Equal(Boot, telemetry.Sample.Boot);
                Assert.Equal(pair.PortA, telemetry.SerialPort);
                Assert.Equal(CcpTransport.Serial, telemetry.Transport);
            }

            Assert.True(link.Presence.IsOnline("CHAIR-07"));
            var stopwatch = Stopwatch.StartNew();
            await pair.KillAsync(Token());

            var offline = await link.Messages.WaitForAsync<ControllerPresenceChanged>(p => !p.Online, Wait);
            Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
            Assert.Equal(PresenceReason.PortClosed, offline.Reason);
            Assert.Equal("CHAIR-07", offline.ControllerId);
            Assert.False(link.Presence.IsOnline("CHAIR-07"));
            Assert.False(link.Presence.IsLinkUp("serial:" + pair.PortA));
        }

        await pair.StartAgainAsync(Token());
        await using (var controller = SerialTestController.Open(pair.PortB))
        {
            await controller.WaitForHelloQueryAsync(Wait);
            await controller.SendHelloAsync("CHAIR-07", Boot);
            await controller.SendTelemetryAsync("CHAIR-07", 4);

            var telemetry = await link.Messages.WaitForAsync<TelemetryReceived>(Wait);
            Assert.Equal(4u, telemetry.Sample.Seq);
            Assert.True(link.Presence.IsOnline("CHAIR-07"));
            Assert.True(link.Presence.IsLinkUp("serial:" + pair.PortA));
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task AnotherControllerOnAPortWithAnExpectedOne_ItsFramesAreDiscarded()
    {
        await using var pair = await SocatPair.StartAsync(Token());
        var settings = Settings(pair.PortA);
        settings["Controllers:Serial:Ports:0:ExpectedControllerId"] = "CHAIR-01";
        await using var link = await LinkHost.StartAsync(settings);
        await using var controller = SerialTestController.Open(pair.PortB);
        await controller.WaitForHelloQueryAsync(Wait);

        await controller.SendHelloAsync("CHAIR-02", Boot);
        await controller.SendTelemetryAsync("CHAIR-02", 1);
        await controller.SendHelloAsync("CHAIR-01", Boot);
        await controller.SendTelemetryAsync("CHAIR-01", 1);

        var telemetry = await link.Messages.WaitForAsync<TelemetryReceived>(Wait);
        Assert.Equal("CHAIR-01", telemetry.ControllerId);
        Assert.False(link.Presence.IsOnline("CHAIR-02"));
    }

    private static Dictionary<string, string?> Settings(string port) => new()
    {
        ["Controllers:Serial:Ports:0:Path"] = port,
        ["Controllers:Serial:ReopenDelayMin"] = "00:00:00.100",
        ["Controllers:Serial:ReopenDelayMax"] = "00:00:00.400",
    };

    private static CancellationToken Token() => new CancellationTokenSource(Wait).Token;
}
