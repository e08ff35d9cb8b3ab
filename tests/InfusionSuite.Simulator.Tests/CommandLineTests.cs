using InfusionSuite.Simulator.Cli;

namespace InfusionSuite.Simulator.Tests;

/// <summary>The console program's command line: help on every command, anything unknown refused with the usage.</summary>
public sealed class CommandLineTests
{
    [Theory(Timeout = 30_000)]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("mqtt", "--help")]
    [InlineData("serial", "-h")]
    [InlineData("scenarios", "--help")]
    [InlineData("scenario", "--help")]
    public async Task Help_OnEveryCommand_PrintsTheUsageAndExitsZero(params string[] args)
    {
        var (code, output, _) = await RunAsync(args);
        Assert.Equal(SimulatorCommand.Ok, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task CommandHelp_ListsItsOptions()
    {
        var (_, output, _) = await RunAsync("mqtt", "--help");
        Assert.All(["--broker", "--site", "--scenario", "--time-scale", "--seed", "--quiet"], o => Assert.Contains(o, output, StringComparison.Ordinal));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("fly")]
    [InlineData("--colour")]
    [InlineData("mqtt", "--broker", "localhost", "--site", "demo", "--colour")]
    [InlineData("serial", "--port", "/dev/null", "--broker", "localhost")]
    [InlineData("scenarios", "--seed", "1")]
    [InlineData("scenario", "normal", "extra")]
    public async Task UnknownCommandOrOption_ExitsTwoWithTheUsage(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);
        Assert.Equal(SimulatorCommand.BadArguments, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await SimulatorCommand.RunAsync(args, stdout, stderr, interactive: false, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
