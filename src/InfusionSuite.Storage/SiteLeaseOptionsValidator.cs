using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Storage;

/// <summary>Each of <c>Storage:Leases:Sites</c> is a CCP/1 site name, listed once.</summary>
internal sealed partial class SiteLeaseOptionsValidator : IValidateOptions<SiteLeaseOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteLeaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Sites.FirstOrDefault(s => !SiteName().IsMatch(s)) is { } bad)
        {
            return ValidateOptionsResult.Fail($"Storage:Leases:Sites: '{bad}' is not a site name (1–32 of a-z 0-9 -).");
        }

        return options.Sites.Distinct(StringComparer.Ordinal).Count() == options.Sites.Count
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Storage:Leases:Sites lists a site twice.");
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex SiteName();
}
