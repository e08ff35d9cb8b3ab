using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Cli;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Tests;

/// <summary>
/// <c>--cut-off MIN@AT</c> and <c>--upload full|chunks|trickle</c> (issue 13): the controller's link goes down (its Last
/// Will), it stores its samples and events, and when it is back says hello (same boot) and uploads them at the chosen
/// pace, then goes on live. Nothing it measured is lost, and every message goes out once.
/// </summary>
public sealed class CutOffTests
{
    [Fact]
    public void CutOffOptions_GiveTheControllersCutOff()
    {
        var (parsed, error) = ArgumentParser.Parse(["mqtt", "--broker", "localhost", "--site", "demo", "--cut-off", "12@40", "--upload", "chunks"]);

        Assert.Null(error);
        Assert.Equal(new ControllerCutOff { For = TimeSpan.FromMinutes(12), After = TimeSpan.FromMinutes(40), Upload = UploadPace.Chunks }, parsed!.CutOff);
        Assert.Equal(UploadPace.Full, ArgumentParser.Parse(["mqtt", "--broker", "localhost", "--site", "demo", "--cut-off", "5@1"]).Arguments!.CutOff!.Upload);
        Assert.Null(ArgumentParser.Parse(["mqtt", "--broker", "localhost", "--site", "demo"]).Arguments!.CutOff);
    }

    [Theory]
    [InlineData("mqtt --broker localhost --site demo --cut-off 12", "--cut-off must be MIN@AT")]
    [InlineData("mqtt --broker localhost --site demo --cut-off 0@40", "--cut-off must be MIN@AT")]
    [InlineData("mqtt --broker localhost --site demo --cut-off 12@2000", "--cut-off minutes must be a number from 0 to 1440")]
    [InlineData("mqtt --broker localhost --site demo --cut-off 12@40 --upload slowly", "--upload must be full, chunks or trickle")]
    public void BadCutOffArguments_SayWhatIsWrong(string commandLine, string expected)
    {
        var (parsed, error) = ArgumentParser.Parse(commandLine.Split(' '));

        Assert.Null(parsed);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(UploadPace.Full)]
    [InlineData(UploadPace.Chunks)]
    [InlineData(UploadPace.Trickle)]
    public async Task CutOffThenBack_GoesOfflineStoresAndUploadsEveryMessageOnceAfterItsHello(UploadPace pace)
    {
        var scenario = new Scenario { Name = "tiny", Session = SimulatedControllerTests.Tiny() };
        var cut = new ControllerCutOff { After = TimeSpan.FromMinutes(1.5), For = TimeSpan.FromMinutes(1), Upload = pace };
        var output = new InMemoryControllerOutput();
        var clock = new ScaledTimeProvider(20_000, Timelines.Start);

        await new SimulatedController(scenario, SimulatedChair.Numbered(0), 1, output, clock, Timelines.Start, bootSalt: 7, cutOff: cut)
            .RunAsync(null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        var received = output.Received;
        var offline = received.ToList().FindIndex(r => r is OfflineReason.Disconnect);
        var back = received.ToList().FindIndex(r => r is ReceivedHello { Reason: HelloReason.Reconnect });
        Assert.InRange(offline, 1, back - 1);
        var seqs = received.Select(r => r switch { TelemetrySample s => (uint?)s.Seq, ControllerEvent e => e.Seq, _ => null }).OfType<uint>().ToList();
        Assert.Equal(Enumerable.Range(0, seqs.Count).Select(i => (uint)i), seqs);
        var cutFrom = Timelines.Start + cut.After;
        var cutTo = cutFrom + cut.For;
        Assert.All(received.Take(back), r => Assert.False(r is TelemetrySample s && s.Timestamp >= cutFrom && s.Timestamp < cutTo, "a sample of the cut went out before the reconnect"));
        Assert.Contains(received.Skip(back), r => r is TelemetrySample s && s.Timestamp >= cutFrom && s.Timestamp < cutTo);
    }

    /// <summary>Issue 13's trial: cut off over its end, the controller uploaded after its shutdown, so the broker kept it "online".</summary>
    [Fact(Timeout = 30_000)]
    public async Task CutOffOverTheEnd_TheShutdownGoesAfterTheUpload_TheLastWordIsOffline()
    {
        var scenario = new Scenario { Name = "tiny", Session = SimulatedControllerTests.Tiny() };
        var cut = new ControllerCutOff { After = TimeSpan.FromMinutes(4), For = TimeSpan.FromMinutes(10), Upload = UploadPace.Chunks };
        var output = new InMemoryControllerOutput();
        var clock = new ScaledTimeProvider(20_000, Timelines.Start);

        await new SimulatedController(scenario, SimulatedChair.Numbered(0), 1, output, clock, Timelines.Start, bootSalt: 7, cutOff: cut)
            .RunAsync(null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        var received = output.Received.ToList();
        var back = received.FindIndex(r => r is ReceivedHello { Reason: HelloReason.Reconnect });
        Assert.True(back > 0, "it came back and said hello");
        Assert.Equal(OfflineReason.Shutdown, received[^1]);
        Assert.DoesNotContain(received.Take(back), r => r is OfflineReason.Shutdown);
    }
}
