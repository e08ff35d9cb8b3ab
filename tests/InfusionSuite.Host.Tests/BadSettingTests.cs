namespace InfusionSuite.Host.Tests;

/// <summary>
/// A bad setting stops the built host at start, as systemd runs it: a non-zero exit and one line
/// naming the setting. (Moved from the worker's in-process test: the fatal stop is now the
/// process's exit code and stderr line, which a WebApplicationFactory host cannot observe.)
/// </summary>
public sealed class BadSettingTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("infusionsuite-settings-").FullName;

    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Storage:DatabasePath", "", "Storage:DatabasePath" },
        { "Storage:Provider", "Oracle", "Storage:Provider" },
        { "Storage:Provider", "PostgreSql", "Storage:ConnectionString" },
        { "Sessions:Presets:0:Name", "Too short", "Sessions" },
        { "Billing:SiteTimeZone", "Mars/Olympus_Mons", "Billing:SiteTimeZone" },
        { "Ingest:BatchMaxItems", "0", "BatchMaxItems" },
        { "Controllers:Liveness:OfflineAfter", "00:00:00", "OfflineAfter" },
        { "ReverseProxy:KnownProxies:0", "proxy.hospital.example", "ReverseProxy:KnownProxies:0" },
        { "Fhir:Delivery:Shape", "Epic", "Fhir:Delivery:Shape" },
        { "Fhir:Delivery:BillCodeSystem", "", "Fhir:Delivery:BillCodeSystem" },
    };

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(BadSettings))]
    public async Task BadSetting_StopsTheHostNamingIt(string key, string value, string named)
    {
        List<string> args = ["--Storage:DatabasePath=" + Path.Combine(_data, "infusionsuite.db"), "--urls=http://127.0.0.1:0", $"--{key}={value}"];
        if (key == "Fhir:Delivery:BillCodeSystem")
        {
            args.Add("--Fhir:Delivery:Shape=Millennium");
        }

        if (key.StartsWith("Sessions:Presets", StringComparison.Ordinal))
        {
            args.Add("--Sessions:Presets:0:PreCoolingMinutes=5");
            args.Add("--Sessions:Presets:0:PostCoolingMinutes=90");
        }

        var run = await HostRun.StartAsync(_data, args);
        var exit = await run.WaitForExitAsync();

        Assert.True(exit != 0, $"exit {exit}\nstderr:\n{run.Error}");
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        AssertOneClearLine(run, named);
    }

    /// <summary>Exactly one line says why, on stderr; neither stream carries the host's own "failed to start" or a stack trace.</summary>
    private static void AssertOneClearLine(HostRun run, string named)
    {
        var both = run.Output + "\n" + run.Error;
        Assert.Single(run.ErrorLines, l => l.StartsWith("InfusionSuite stopped: ", StringComparison.Ordinal) && l.Contains(named, StringComparison.Ordinal));
        Assert.False(both.Contains("Hosting failed to start", StringComparison.Ordinal), both);
        Assert.False(both.Contains("   at ", StringComparison.Ordinal), both);
    }

    [Fact(Timeout = 120_000)]
    public async Task WorkerSubscribingToASiteItDoesNotOwn_StopsAtStart_NamingBothSettings()
    {
        var run = await HostRun.StartAsync(_data, [
            "--Storage:Provider=PostgreSql", "--Storage:ConnectionString=Host=127.0.0.1;Port=9;Database=records", "--Storage:Leases:Sites:0=north",
            "--Controllers:Mqtt:Host=127.0.0.1", "--Controllers:Mqtt:Site=south", "--urls=http://127.0.0.1:0"]);
        var exit = await run.WaitForExitAsync();

        Assert.True(exit != 0, $"exit {exit}\nstderr:\n{run.Error}");
        Assert.Contains("Controllers:Mqtt:Site (one site) or Controllers:Mqtt:Sites must name the sites of Storage:Leases:Sites (north)", run.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task ShapeTheEhrCannotTake_StopsTheHostWithOneLine_NoStackTrace()
    {
        var ehr = new InfusionSuite.Fhir.Tests.FhirServerFixture();
        await ehr.InitializeAsync();
        try
        {
            await ehr.Control("mode?name=epic");
            var run = await HostRun.StartAsync(_data, [
                "--Storage:DatabasePath=" + Path.Combine(_data, "infusionsuite.db"), "--urls=http://127.0.0.1:0",
                "--Fhir:Delivery:BaseUrl=" + ehr.FhirBase, "--Fhir:Delivery:Shape=Transaction", "--Fhir:Mapping:Site=site-a"]);
            var exit = await run.WaitForExitAsync();

            Assert.True(exit == 1, $"exit {exit}\nstderr:\n{run.Error}");
            AssertOneClearLine(run, "Fhir:Delivery:Shape is Transaction");
        }
        finally
        {
            await ehr.DisposeAsync();
        }
    }
}
