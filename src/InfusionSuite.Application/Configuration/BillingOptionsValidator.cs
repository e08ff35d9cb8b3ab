using Microsoft.Extensions.Options;

namespace InfusionSuite.Application.Configuration;

/// <summary>An unknown site time zone stops the host at start, naming <c>Billing:SiteTimeZone</c>.</summary>
internal sealed class BillingOptionsValidator : IValidateOptions<BillingOptions>
{
    public ValidateOptionsResult Validate(string? name, BillingOptions options) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(options.SiteTimeZone ?? string.Empty, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{BillingOptions.SectionName}:{nameof(BillingOptions.SiteTimeZone)} is not a known time zone (use an IANA id such as America/New_York).");
}
