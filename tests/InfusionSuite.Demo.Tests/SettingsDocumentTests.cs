using InfusionSuite.Host.Operations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Demo.Tests;

/// <summary>docs/operations.md lists every setting as the options classes define it, and every options class the host registers is listed.</summary>
public sealed class SettingsDocumentTests
{
    [Fact]
    public void OperationsDoc_SettingsReferenceIsWhatTheOptionsClassesSay()
    {
        var committed = SettingsDocument.Extract(File.ReadAllText(RepositoryFiles.Path("docs/operations.md")).ReplaceLineEndings("\n"));
        Assert.NotNull(committed);
        var generated = SettingsDocument.Markdown();
        Assert.True(
            committed == generated,
            "docs/operations.md has drifted from the options classes: run `dotnet run --project src/InfusionSuite.Host -- settings-doc --write docs/operations.md`");
    }

    [Fact]
    public void OperationsDoc_ShowsDefaultsRulesAndSummaries()
    {
        var generated = SettingsDocument.Markdown();
        Assert.Contains("| `Controllers:Mqtt:Port` | integer | `1883` | 1–65535 |", generated, StringComparison.Ordinal);
        Assert.Contains("| `Controllers:Serial:Ports:N:Path` | string | — | required | The device path", generated, StringComparison.Ordinal);
        // Storage:DatabasePath is required with the Sqlite provider only (issue 18): the rule is the validator's, shown under the section.
        Assert.Contains("| `Storage:Provider` | `Sqlite` \\| `PostgreSql` | `Sqlite` |", generated, StringComparison.Ordinal);
        Assert.Contains("Checked at start: `Storage:Provider` is a known engine, and the setting that engine needs is given: `Storage:DatabasePath` for Sqlite", generated, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task EveryOptionsClassTheHostRegisters_IsInTheSettingsReference()
    {
        using var data = new TempFolder();
        IServiceCollection? registered = null;
        await using (var factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(builder =>
        {
            // Every optional part on: the MQTT link (to a port nobody listens on) and a serial port that does not exist.
            builder.UseSetting("Storage:DatabasePath", Path.Combine(data.Path, "settings.db"));
            builder.UseSetting("Controllers:Mqtt:Host", "127.0.0.1");
            builder.UseSetting("Controllers:Mqtt:Port", "9");
            builder.UseSetting("Controllers:Serial:Ports:0:Path", Path.Combine(data.Path, "no-such-port"));
            builder.UseSetting("Logging:LogLevel:Default", "None");
            builder.ConfigureTestServices(services => registered = services);
        }))
        {
            _ = factory.Services;
        }

        var documented = OptionsCatalog.OptionsTypes().ToHashSet();
        var ours = registered!
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("InfusionSuite.", StringComparison.Ordinal) == true)
            .Distinct()
            .ToList();
        Assert.NotEmpty(ours);
        Assert.All(ours, t => Assert.Contains(t, documented));
    }
}
