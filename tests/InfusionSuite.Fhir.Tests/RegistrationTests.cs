using InfusionSuite.Fhir.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Fhir.Tests;

/// <summary>AddEhrDelivery: settings are checked at start and a bad one is named.</summary>
public sealed class RegistrationTests
{
    [Theory]
    [InlineData("Fhir:Delivery:BaseUrl", "ftp://ehr.example.org/fhir", "Fhir:Delivery:BaseUrl")]
    [InlineData("Fhir:Delivery:PollInterval", "00:00:00", "Fhir:Delivery:PollInterval")]
    [InlineData("Fhir:Delivery:BatchSize", "0", "Fhir:Delivery:BatchSize")]
    [InlineData("Fhir:Delivery:Authentication:Mode", "StaticBearer", "Fhir:Delivery:Authentication:BearerToken")]
    [InlineData("Fhir:Delivery:Authentication:Mode", "SmartBackendServices", "Fhir:Delivery:Authentication:TokenEndpoint")]
    [InlineData("Fhir:Delivery:Shape", "Millennium", "Fhir:Delivery:BillCodeSystem")]
    public async Task BadSetting_StopsTheHostAtStartNamingIt(string key, string value, string named)
    {
        using var harness = new DeliveryHarness(new Uri("https://ehr.example.org/fhir/"), new Dictionary<string, string?> { [key] = value });
        var host = harness.Services.GetRequiredService<IHost>();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "urn:infusionsuite:controller")]
    [InlineData("north", null, "urn:infusionsuite:controller:north")]
    [InlineData("north", "urn:oid:1.2.3.4", "urn:oid:1.2.3.4")]
    public void DeviceIdentifierSystem_IsOnePerSiteUnlessSet(string? site, string? system, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Fhir:Mapping:Site"] = site };

        if (system is not null)
        {
            settings["Fhir:Mapping:DeviceIdentifierSystem"] = system;
        }

        using var harness = new DeliveryHarness(null, settings);

        Assert.Equal(expected, harness.Services.GetRequiredService<IOptions<Mapping.FhirMappingOptions>>().Value.DeviceIdentifierSystem);
    }

    [Fact]
    public async Task EhrWithoutASite_StopsTheHostAtStartNamingFhirMappingSite()
    {
        using var harness = new DeliveryHarness(new Uri("https://ehr.example.org/fhir/"), new Dictionary<string, string?> { ["Fhir:Mapping:Site"] = null });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => harness.Services.GetRequiredService<IHost>().StartAsync());

        Assert.Contains("Fhir:Mapping:Site is required with an EHR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EhrWithAnExplicitDeviceSystemAndNoSite_Starts()
    {
        using var harness = new DeliveryHarness(new Uri("https://ehr.example.org/fhir/"), new Dictionary<string, string?>
        {
            ["Fhir:Mapping:Site"] = null,
            ["Fhir:Mapping:DeviceIdentifierSystem"] = "urn:oid:1.2.3.4",
            ["Fhir:Delivery:CheckCapabilitiesAtStart"] = "false",
        });
        var host = harness.Services.GetRequiredService<IHost>();

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal("urn:oid:1.2.3.4", harness.Services.GetRequiredService<IOptions<Mapping.FhirMappingOptions>>().Value.DeviceIdentifierSystem);
    }

    [Fact]
    public void SmartKeyOfTheWrongKind_IsNamedAsAProblem()
    {
        using var rsa = new SmartKeys("RS384");
        var settings = new Dictionary<string, string?>
        {
            ["Fhir:Delivery:Authentication:Mode"] = "SmartBackendServices",
            ["Fhir:Delivery:Authentication:TokenEndpoint"] = "https://ehr.example.org/token",
            ["Fhir:Delivery:Authentication:ClientId"] = "client",
            ["Fhir:Delivery:Authentication:Algorithm"] = "ES384",
            ["Fhir:Delivery:Authentication:PrivateKeyPem"] = rsa.PrivateKeyPem,
        };
        using var harness = new DeliveryHarness(new Uri("https://ehr.example.org/fhir/"), settings);

        var error = Assert.Throws<OptionsValidationException>(() => harness.Services.GetRequiredService<IOptions<FhirDeliveryOptions>>().Value);

        Assert.Contains("Fhir:Delivery:Authentication:PrivateKeyPem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoodSettings_StartAndStopTheDispatcher()
    {
        using var harness = new DeliveryHarness(baseUrl: null);
        var host = harness.Services.GetRequiredService<IHost>();

        await host.StartAsync();
        await host.StopAsync();

        Assert.False(harness.Services.GetRequiredService<IFhirBundleTransport>().IsConfigured);
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(599, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(412, false)]
    [InlineData(422, false)]
    public void TransientStatuses_AreExactlyTheListedOnes(int status, bool transient) =>
        Assert.Equal(transient, TransientFailures.IsTransientStatus(status));
}
