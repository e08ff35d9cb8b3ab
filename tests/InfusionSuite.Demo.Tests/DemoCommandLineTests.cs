using InfusionSuite.Testing;

namespace InfusionSuite.Demo.Tests;

/// <summary>The demo host's command line: help starts nothing, a bad or unknown option is refused with the usage.</summary>
public sealed class DemoCommandLineTests
{
    private const string DemoAssembly = "InfusionSuite.Demo.dll";

    [Theory(Timeout = 120_000)]
    [InlineData("--help")]
    [InlineData("demo", "--help")]
    [InlineData("--Logging:LogLevel:Default=Warning", "--help")]
    public async Task Help_PrintsTheOptionsAndExitsZero_WithoutStartingTheDemoOrCreatingData(params string[] args)
    {
        using var cwd = new TempFolder();
        var (code, output, error) = await HostProcess.RunAsync(DemoAssembly, cwd.Path, null, args);
        Assert.True(code == 0, error);
        Assert.Contains("--time-scale", output, StringComparison.Ordinal);
        Assert.Contains("--data", output, StringComparison.Ordinal);
        Assert.Contains("--" + DemoSettings.FreeChairsKey + "=N", output, StringComparison.Ordinal); // the demo's own setting, and the ones a demo user wants most
        Assert.Contains("--Billing:SiteTimeZone=", output, StringComparison.Ordinal);
        Assert.Contains("--" + DemoBrokerPort.Key + "=N", output, StringComparison.Ordinal);
        Assert.Contains("--urls", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cwd.Path, "data")));
    }

    [Theory(Timeout = 120_000)]
    [InlineData("--time-scale", "0")]
    [InlineData("--time-scale", "fast")]
    [InlineData("--frobnicate")]
    [InlineData("users", "list")]
    public async Task BadOrUnknownOption_ExitsTwoWithTheUsage(params string[] args)
    {
        using var cwd = new TempFolder();
        var (code, _, error) = await HostProcess.RunAsync(DemoAssembly, cwd.Path, null, args);
        Assert.Equal(2, code);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cwd.Path, "data")));
    }
}
