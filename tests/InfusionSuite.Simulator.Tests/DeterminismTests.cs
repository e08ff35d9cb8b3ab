using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Simulator.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Simulator.Tests;

public sealed class DeterminismTests
{
    [Fact(Timeout = 15_000)]
    public async Task SameSeed_GivesIdenticalSerialBytes_OtherSeedDoesNot()
    {
        var first = await SerialBytesAsync(seed: 7);
        var again = await SerialBytesAsync(seed: 7);
        var other = await SerialBytesAsync(seed: 8);

        Assert.True(first.Length > 100_000);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void EachControllerOfARun_HasItsOwnStream()
    {
        var scenario = BuiltInScenarios.All[0];
        var chair1 = ControllerTimeline.Generate(scenario, SimulatedChair.Numbered(0), 5, Timelines.Start).Samples().Take(300).Select(s => s.CoolantC);
        var chair2 = ControllerTimeline.Generate(scenario, SimulatedChair.Numbered(1), 5, Timelines.Start).Samples().Take(300).Select(s => s.CoolantC);

        Assert.NotEqual(chair1, chair2);
        Assert.NotEqual(SimulationSeed.For(5, 0), SimulationSeed.For(5, 1));
        Assert.NotEqual(SimulationSeed.For(5, 0), SimulationSeed.For(6, 0));
    }

    [Fact(Timeout = 15_000)]
    public async Task SameSeedRunTwice_SameScenarioButEachRunItsOwnBoot()
    {
        Assert.True(BuiltInScenarios.TryGet("normal", out var scenario));
        var first = await SentAsync(scenario);
        var second = await SentAsync(scenario);

        Assert.Equal(first.Select(s => (s.Seq, s.Timestamp, s.CoolantC)), second.Select(s => (s.Seq, s.Timestamp, s.CoolantC)));
        Assert.NotEqual(first[0].Boot, second[0].Boot);
    }

    private static async Task<IReadOnlyList<Domain.Controllers.TelemetrySample>> SentAsync(Scenario scenario)
    {
        var clock = new FakeTimeProvider(Timelines.Start);
        var output = new InMemoryControllerOutput();
        var run = new SimulatedController(scenario, SimulatedChair.Numbered(0), 7, output, clock).RunAsync(null, CancellationToken.None);
        clock.Advance(ControllerTimeline.Duration(scenario) + TimeSpan.FromMinutes(1));
        await run.WaitAsync(TimeSpan.FromSeconds(20));
        return [.. output.Telemetry];
    }

    /// <summary>The garbage scenario played through the serial writer on a fake clock, into memory.</summary>
    private static async Task<byte[]> SerialBytesAsync(int seed)
    {
        Assert.True(BuiltInScenarios.TryGet("garbage", out var scenario));
        var clock = new FakeTimeProvider(Timelines.Start);
        using var bytes = new MemoryStream();
        await using var output = new SerialStreamOutput(bytes);
        var run = new SimulatedController(scenario, SimulatedChair.Numbered(0), seed, output, clock, bootSalt: 0).RunAsync(null, CancellationToken.None);
        clock.Advance(ControllerTimeline.Duration(scenario) + TimeSpan.FromMinutes(1));
        await run.WaitAsync(TimeSpan.FromSeconds(20));
        return bytes.ToArray();
    }
}
