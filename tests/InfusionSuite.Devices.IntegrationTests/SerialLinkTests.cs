using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Testing;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>The simulator as the controller → socat pseudo-terminal pair → serial link → consumer.</summary>
public sealed class SerialLinkTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact(Timeout = 30_000)]
    public async Task SocatKilledMidStream_OfflineAsThePortCloses_NoExceptionEscapes_AndResumesWhenBack()
    {
        await using var pair = await SocatPair.StartAsync(Token());
        await using var link = await LinkHost.StartAsync(Settings(pair.PortA));
        await Eventually.HoldsAsync(() => link.Presence.IsLinkUp(LinkName(pair)), Wait, "the serial link to open its port");

        // A running chair on a scaled clock: 60 samples and one CCH (the periodic hello) per real second.
        using var stop = new CancellationTokenSource();
        var output = Output(pair);
        var chair = new SimulatedController(
            SimulatedChairRun.BuiltIn("normal"), SimulatedChair.Numbered(6), 1, output, new ScaledTimeProvider(60, SimulatedChairRun.PowerOn));
        var controller = chair.RunAsync(null, stop.Token);
        try
        {
            var hello = await link.Messages.WaitForAsync<ControllerHelloReceived>(Wait);
            var before = await link.Messages.WaitForAllAsync<TelemetryReceived>(10, Wait);
            Assert.All(before, t =>
            {
                Assert.Equal(hello.Hello.Boot, t.Sample.Boot);
                Assert.Equal(pair.PortA, t.SerialPort);
                Assert.Equal(CcpTransport.Serial, t.Transport);
            });
            Assert.True(link.Presence.IsOnline("CHAIR-07"));

            // The port vanishing is what takes the chair offline (PortClosed), not the liveness timeout: the reason says which,
            // without timing this machine (a stopwatch bound failed CI under load).
            await pair.KillAsync(Token());
            var offline = await link.Messages.WaitForAsync<ControllerPresenceChanged>(p => !p.Online, Wait);
            Assert.Equal(PresenceReason.PortClosed, offline.Reason);
            Assert.Equal("CHAIR-07", offline.ControllerId);
            Assert.False(link.Presence.IsOnline("CHAIR-07"));
            Assert.False(link.Presence.IsLinkUp(LinkName(pair)));
            var lastBefore = link.Messages.All<TelemetryReceived>()[^1].Sample.Seq;

            await pair.StartAgainAsync(Token());

            var resumed = await link.Messages.WaitForAsync<TelemetryReceived>(t => t.Sample.Seq > lastBefore, Wait);
            Assert.Equal(hello.Hello.Boot, resumed.Sample.Boot);
            await Eventually.HoldsAsync(() => link.Presence.IsOnline("CHAIR-07") && link.Presence.IsLinkUp(LinkName(pair)), Wait, "CHAIR-07 online again");
            Assert.False(controller.IsCompleted, controller.Exception?.ToString());
            link.AssertHealthy();
        }
        finally
        {
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => controller.WaitAsync(Wait));
            await output.DisposeAsync();
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task ControllerOnAPortThatExpectsAnother_ItsFramesAreDiscarded_TheRightOnesPass()
    {
        await using var right = await SocatPair.StartAsync(Token());
        await using var crossed = await SocatPair.StartAsync(Token());
        var settings = Settings(right.PortA);
        settings["Controllers:Serial:Ports:0:ExpectedControllerId"] = "CHAIR-01";
        settings["Controllers:Serial:Ports:1:Path"] = crossed.PortA;
        settings["Controllers:Serial:Ports:1:ExpectedControllerId"] = "CHAIR-03";
        await using var link = await LinkHost.StartAsync(settings);
        using var unexpected = link.Counter(LinkMetrics.UnexpectedControllerName);
        await Eventually.HoldsAsync(() => link.Presence.IsLinkUp(LinkName(right)) && link.Presence.IsLinkUp(LinkName(crossed)), Wait, "both ports open");

        var scenario = SimulatedChairRun.BuiltIn("normal");
        await using var chair1 = SimulatedChairRun.Start(scenario, SimulatedChair.Numbered(0), Output(right));
        await using var chair2 = SimulatedChairRun.Start(scenario, SimulatedChair.Numbered(1), Output(crossed));
        await chair1.AdvanceAsync(TimeSpan.FromSeconds(20));
        await chair2.AdvanceAsync(TimeSpan.FromSeconds(20));

        var telemetry = await link.Messages.WaitForAllAsync<TelemetryReceived>(chair1.SentTelemetry.Count, Wait);
        Assert.Equal(chair1.SentTelemetry.Select(s => s.Seq), telemetry.Select(t => t.Sample.Seq));
        Assert.All(telemetry, t => Assert.Equal("CHAIR-01", t.ControllerId));
        var chair2Frames = chair2.SentTelemetry.Count + chair2.SentHellos.Count;
        await Eventually.HoldsAsync(() => unexpected.Total >= chair2Frames, Wait, "CHAIR-02's frames counted");
        Assert.DoesNotContain(link.Messages.All<ControllerMessage>(), m => m.ControllerId == "CHAIR-02");
        Assert.False(link.Presence.IsOnline("CHAIR-02"));
        link.AssertHealthy();
    }

    internal static Dictionary<string, string?> Settings(string port) => new()
    {
        ["Controllers:Serial:Ports:0:Path"] = port,
        ["Controllers:Serial:ReopenDelayMin"] = "00:00:00.100",
        ["Controllers:Serial:ReopenDelayMax"] = "00:00:00.400",
    };

    internal static string LinkName(SocatPair pair) => "serial:" + pair.PortA;

    /// <summary>The simulator writes to the controller's end of the pair; the link reads the other.</summary>
    internal static SerialPortOutput Output(SocatPair pair) => new(new SerialPortOutputOptions { PortName = pair.PortB });

    private static CancellationToken Token() => new CancellationTokenSource(Wait).Token;
}
