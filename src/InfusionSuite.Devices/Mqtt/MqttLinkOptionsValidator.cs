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

        if (options.Sites.Count > 0 && options.Site is not null)
        {
            failures.Add($"{MqttLinkOptions.SectionName}:Site and Sites are both set; keep one.");
        }

        if (options.Sites.FirstOrDefault(site => !Protocol.CcpFieldRules.IsSite(site)) is { } badSite)
        {
            failures.Add($"{MqttLinkOptions.SectionName}:Sites: '{badSite}' is not a site (1–32 of a-z 0-9 -).");
        }

        if (options.Password is not null && options.PasswordFile is not null)
        {
            failures.Add($"{MqttLinkOptions.SectionName}:Password and PasswordFile are both set; keep one.");
        }

        if (options.PasswordFile is not null && string.IsNullOrEmpty(options.Username))
        {
            failures.Add($"{MqttLinkOptions.SectionName}:PasswordFile is set without a Username.");
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(MqttLinkOptions.CaCertificateFile), options.CaCertificateFile),
            (nameof(MqttLinkOptions.ClientCertificateFile), options.ClientCertificateFile),
            (nameof(MqttLinkOptions.ClientKeyFile), options.ClientKeyFile),
        })
        {
            if (value is not null && !options.UseTls)
            {
                failures.Add($"{MqttLinkOptions.SectionName}:{setting} needs UseTls.");
            }
        }

        if ((options.ClientCertificateFile is null) != (options.ClientKeyFile is null))
        {
            failures.Add($"{MqttLinkOptions.SectionName}:ClientCertificateFile and ClientKeyFile go together; set both or neither.");
        }

        if (failures.Count == 0)
        {
            TryRead(failures, () => MqttCredentialFiles.Password(options));
            TryRead(failures, () => MqttCredentialFiles.TrustChain(options));
            TryRead(failures, () => MqttCredentialFiles.ClientCertificate(options)?.Dispose());
        }

        if (!options.CleanStart && options.SessionExpiry < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{MqttLinkOptions.SectionName}:SessionExpiry must be at least 1 s to keep the session.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void TryRead(List<string> failures, Action read)
    {
        try
        {
            read();
        }
        catch (InvalidOperationException exception)
        {
            failures.Add(exception.Message);
        }
    }
}
