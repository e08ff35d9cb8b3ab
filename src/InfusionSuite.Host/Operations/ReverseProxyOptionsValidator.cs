using System.Net;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Host.Operations;

/// <summary>Every known proxy must be an IP address and every known network a CIDR range; a bad entry stops the host naming it.</summary>
internal sealed class ReverseProxyOptionsValidator : IValidateOptions<ReverseProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ReverseProxyOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                failures.Add($"{ReverseProxyOptions.SectionName}:KnownProxies:{i} is not an IP address.");
            }
        }

        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(options.KnownNetworks[i], out _))
            {
                failures.Add($"{ReverseProxyOptions.SectionName}:KnownNetworks:{i} is not a network in CIDR form (e.g. 10.0.4.0/24).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
