using System.Net;
using System.Net.Sockets;
using InfusionSuite.Application.Hosting;
using InfusionSuite.Testing;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Demo.Tests;

/// <summary>The demo's own settings: the broker's port kept between runs, bad values refused in one line, one name per patient on the board.</summary>
public sealed class DemoSettingsTests
{
    [Fact]
    public void BrokerPort_IsKeptInTheDataFolder_SoARestartKeepsIt()
    {
        using var data = new TempFolder();
        var first = DemoBrokerPort.Choose(data.Path, null);
        Assert.False(File.Exists(Path.Combine(data.Path, DemoBrokerPort.FileName)), "kept only once the broker listens");
        DemoBrokerPort.Keep(data.Path, first); // as the broker does once it listens
        var second = DemoBrokerPort.Choose(data.Path, null);
        Assert.Equal(first, second);
        Assert.Equal(first.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(data.Path, DemoBrokerPort.FileName)).Trim());
    }

    [Fact]
    public void BrokerPort_KeptButTakenByAnotherProgram_MovesToAFreeOne()
    {
        using var data = new TempFolder();
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        var taken = ((IPEndPoint)holder.LocalEndPoint!).Port;
        File.WriteAllText(Path.Combine(data.Path, DemoBrokerPort.FileName), taken + "\n");

        var chosen = DemoBrokerPort.Choose(data.Path, null);
        DemoBrokerPort.Keep(data.Path, chosen);

        Assert.NotEqual(taken, chosen);
        Assert.Equal(chosen, DemoBrokerPort.Choose(data.Path, null));
    }

    [Fact]
    public void BrokerPort_Given_IsUsed_AndATakenOrBadOneIsRefusedNamingTheSetting()
    {
        using var data = new TempFolder();
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        var taken = ((IPEndPoint)holder.LocalEndPoint!).Port;

        var refused = Assert.Throws<OptionsValidationException>(() => DemoBrokerPort.Choose(data.Path, taken.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(DemoBrokerPort.Key, refused.Message, StringComparison.Ordinal);
        Assert.Contains("in use", refused.Message, StringComparison.Ordinal);
        foreach (var bad in new[] { "0", "70000", "mqtt", "-5", "" })
        {
            Assert.Contains(DemoBrokerPort.Key, Assert.Throws<OptionsValidationException>(() => DemoBrokerPort.Choose(data.Path, bad)).Message, StringComparison.Ordinal);
        }

        holder.Close();
        Assert.Equal(taken, DemoBrokerPort.Choose(data.Path, taken.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory(Timeout = 120_000)]
    [InlineData("--Demo:BrokerPort=mqtt", "Demo:BrokerPort")]
    [InlineData("--Demo:FreeChairs=9", "Demo:FreeChairs")]
    public async Task BadDemoSetting_StopsWithOneLineNamingIt_BeforeTouchingTheDataFolder(string argument, string key)
    {
        using var cwd = new TempFolder();
        var (code, _, error) = await HostProcess.RunAsync("InfusionSuite.Demo.dll", cwd.Path, null, [argument]);
        Assert.Equal(ServiceRun.FatalExitCode, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("InfusionSuite stopped: " + key, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cwd.Path, "data")));
    }

    [Fact]
    public void PatientNames_OfDifferentChairs_NeverMeet_NorMeetTheHistorysNames()
    {
        Assert.Equal(DemoPatientNames.Chairs, DemoChairs.All(DemoRegistration.DefaultTimeScale).Count);
        var history = Enumerable.Range(0, 6).Select(DemoPatientNames.ForHistory).ToHashSet();
        Assert.Equal(6, history.Count);
        var byChair = Enumerable.Range(0, DemoPatientNames.Chairs)
            .Select(c => Enumerable.Range(0, 50).Select(turn => DemoPatientNames.ForChair(c, turn)).ToHashSet())
            .ToList();
        for (var a = 0; a < byChair.Count; a++)
        {
            Assert.Empty(byChair[a].Intersect(history));
            Assert.True(byChair[a].Count > 1, "a chair's sessions vary their patients");
            for (var b = a + 1; b < byChair.Count; b++)
            {
                Assert.Empty(byChair[a].Intersect(byChair[b]));
            }
        }
    }
}
