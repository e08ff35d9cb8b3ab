using InfusionSuite.Devices.Mqtt;
using InfusionSuite.Storage;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Host.Operations;

/// <summary>
/// A worker that owns sites of a shared PostgreSQL database (<c>Storage:Leases:Sites</c>) subscribes at the broker to
/// exactly those sites (<c>Controllers:Mqtt:Site</c> or <c>Sites</c>): it never takes the messages of a site another worker owns.
/// </summary>
internal sealed class SiteOwnershipValidator(IConfiguration configuration, IOptions<StorageOptions> storage) : IValidateOptions<SiteLeaseOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteLeaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mqtt = configuration.GetSection(MqttLinkOptions.SectionName);
        if (storage.Value.Provider != StorageProvider.PostgreSql || options.Sites.Count == 0 || !mqtt.Exists())
        {
            return ValidateOptionsResult.Success;
        }

        var link = mqtt.Get<MqttLinkOptions>() ?? new MqttLinkOptions();
        IEnumerable<string> subscribed = link.Sites.Count > 0 ? link.Sites : link.Site is { } site ? [site] : [];
        return subscribed.Order(StringComparer.Ordinal).SequenceEqual(options.Sites.Order(StringComparer.Ordinal), StringComparer.Ordinal)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Controllers:Mqtt:Site (one site) or Controllers:Mqtt:Sites must name the sites of Storage:Leases:Sites ({string.Join(", ", options.Sites)}): " +
                "a worker takes MQTT messages only of the sites it owns.");
    }
}
