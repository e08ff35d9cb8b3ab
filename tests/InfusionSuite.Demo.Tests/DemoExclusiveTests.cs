using System.Net;
using System.Net.Sockets;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Testing;

namespace InfusionSuite.Demo.Tests;

/// <summary>
/// What a demo needs to itself, checked before it changes anything (issue 14's trial: a second demo on the same data folder
/// aborted the running demo's open sessions, then died with an "address already in use" stack trace): its data folder and its
/// port. Either taken stops the second demo with one line naming it, a non-zero exit and no stack trace, and nothing of the
/// running demo's is touched.
/// </summary>
[Collection(DemoHostsCollection.Name)]
public sealed class DemoExclusiveTests
{
    private const string DemoAssembly = "InfusionSuite.Demo.dll";
    private const string Stopped = "InfusionSuite stopped: ";

    [Fact(Timeout = 180_000)]
    public async Task SecondDemoOnTheSameData_StopsWithOneLineNamingIt_AndTheRunningDemosOpenSessionStaysOpen()
    {
        using var data = new TempFolder();
        await using var running = await DemoHost.StartAsync(data.Path, DemoRegistration.DefaultTimeScale);
        await Eventually.HoldsAsync(
            () => running.Board.Current().Any(r => r is { ControllerId: "CHAIR-01", SessionId: not null, Record.Status: < SessionStatus.Completed }
                && r.Record.StartedAt >= running.Settings.ClockStart),
            TimeSpan.FromSeconds(90),
            "the demo nurse to start a session on chair 1 (not one of the seeded history's, which are in the past)");
        var open = running.Board.Current().Single(r => r.ControllerId == "CHAIR-01").SessionId!;

        using var cwd = new TempFolder();
        var (code, output, error) = await HostProcess.RunAsync(DemoAssembly, cwd.Path, null, "--data", data.Path, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, code);
        var line = Assert.Single(Lines(error), l => l.StartsWith(Stopped, StringComparison.Ordinal));
        Assert.Contains(Path.Combine(data.Path, "infusionsuite.db"), line, StringComparison.Ordinal);
        Assert.Contains("in use by another running InfusionSuite", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        var session = await running.Board.SessionAsync(open, CancellationToken.None);
        Assert.True(session?.Record.Status < SessionStatus.Completed, "the running demo's open session was ended by the second demo: " + session?.Record.Status);
        Assert.DoesNotContain(session!.Record.Deviations, d => d.Code == DeviationCode.Aborted);
    }

    [Fact(Timeout = 120_000)]
    public async Task DemoOnAPortInUse_StopsWithOneLineNamingIt_BeforeItMakesAnyData()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        var port = ((IPEndPoint)holder.LocalEndPoint!).Port;
        using var data = new TempFolder();
        using var cwd = new TempFolder();

        var (code, output, error) = await HostProcess.RunAsync(DemoAssembly, cwd.Path, null, "--data", data.Path, "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(1, code);
        var line = Assert.Single(Lines(error), l => l.StartsWith(Stopped, StringComparison.Ordinal));
        Assert.Contains($"http://127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("in use by another process", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data.Path, "infusionsuite.db")), "the database was made before the port was checked");
        Assert.False(File.Exists(Path.Combine(data.Path, DemoBrokerPort.FileName)), "the broker's port was kept before the port was checked");
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
