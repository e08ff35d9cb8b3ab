using InfusionSuite.Domain.Billing;
using InfusionSuite.Hl7.Messages;
using InfusionSuite.Hl7.Transport;
using InfusionSuite.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Hl7.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public async Task BadHl7Setting_StopsTheHostAtStartNamingIt()
    {
        using var host = Host(new()
        {
            ["Hl7:Enabled"] = "true",
            ["Hl7:SendingFacility"] = "NORTH-ONC",
            ["Hl7:ReceivingApplication"] = "EPIC",
            ["Hl7:Host"] = "127.0.0.1",
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Hl7:ReceivingFacility", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileTransportSetting_GivesTheFileDropAndTheSiteTimeZone()
    {
        using var host = Host(new()
        {
            ["Hl7:Transport"] = "File",
            ["Hl7:Folder"] = Path.GetTempPath(),
            ["Hl7:ObservationCodes:tolerance:Code"] = "3040100123",
            ["Hl7:ObservationCodes:tolerance:CodingSystem"] = "EPICFLO",
        });

        Assert.IsType<FileDropTransport>(host.Services.GetRequiredService<IHl7Transport>());
        var record = Hl7Sessions.Completed("reg-1");
        var oru = host.Services.GetRequiredService<SessionMessages>().Observations(record, Hl7Sessions.Context(record)).Text;
        Assert.Contains("-0500|", oru, StringComparison.Ordinal);
        Assert.Contains("|3040100123^^EPICFLO|", oru, StringComparison.Ordinal);
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(Path.GetTempPath(), "infusionsuite-hl7-registration-never-opened.db") });
        builder.Services.AddSingleton(new BillingPolicy { SiteTimeZone = Hl7Sessions.NewYork });
        builder.AddStorage();
        builder.AddHl7Delivery();
        return builder.Build();
    }
}
