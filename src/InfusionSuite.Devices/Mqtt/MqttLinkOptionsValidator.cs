using Microsoft.Extensions.Options;

namespace InfusionSuite.Devices.Mqtt;

/// <summary>Checks of <see cref="MqttLinkOptions"/> that span settings.</summary>
internal sealed class MqttLinkOptionsValidator : IValidateOptions<MqttLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttLinkOptions options)
    {
        var failures = new List<string>();
        if (options.ReconnectDelayMax < options.ReconnectDelayMin)
        {
            failures.Add($"{MqttLinkOptions.SectionName}:ReconnectDelayMax must not be shorter than ReconnectDelayMin.");
        }

        if (options.Password is not null && string.IsNullOrEmpty(options.Username))
        {
            failures.Add($"{MqttLinkOptions.SectionName}:Password is set without a Username.");
        }

        if (options.AllowUntrustedCertificates && !options.UseTls)
        {
            failures.Add($"{MqttLinkOptions.SectionName}:AllowUntrustedCertificates needs UseTls.");
        }

        if (!options.CleanStart && options.SessionExpiry < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{MqttLinkOptions.SectionName}:SessionExpiry must be at least 1 s to keep the session.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
