using InfusionSuite.Devices.Mqtt;

namespace InfusionSuite.Devices.Tests;

/// <summary>The link subscribes to every site, one site, or exactly the sites a worker owns.</summary>
public sealed class MqttTopicFilterTests
{
    [Fact]
    public void WorkerOwningTwoSites_SubscribesToThoseTwoOnly()
    {
        var options = new MqttLinkOptions { Host = "broker", Sites = ["north", "south"] };

        Assert.Equal(
            ["ccp/v1/north/+/telemetry", "ccp/v1/north/+/event", "ccp/v1/north/+/status", "ccp/v1/south/+/telemetry", "ccp/v1/south/+/event", "ccp/v1/south/+/status"],
            MqttTopicFilters.For(options));
    }

    [Fact]
    public void OneSiteOrNone_KeepTheirFilters()
    {
        Assert.Equal(["ccp/v1/north/+/telemetry", "ccp/v1/north/+/event", "ccp/v1/north/+/status"], MqttTopicFilters.For(new MqttLinkOptions { Host = "broker", Site = "north" }));
        Assert.Equal(["ccp/v1/+/+/telemetry", "ccp/v1/+/+/event", "ccp/v1/+/+/status"], MqttTopicFilters.For(new MqttLinkOptions { Host = "broker" }));
    }

    [Fact]
    public void SiteAndSitesTogether_OrABadSiteName_AreRefused()
    {
        var validator = new MqttLinkOptionsValidator();

        Assert.Contains("Site and Sites are both set", validator.Validate(null, new MqttLinkOptions { Host = "broker", Site = "north", Sites = ["south"] }).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("'North' is not a site", validator.Validate(null, new MqttLinkOptions { Host = "broker", Sites = ["North"] }).FailureMessage, StringComparison.Ordinal);
    }
}
