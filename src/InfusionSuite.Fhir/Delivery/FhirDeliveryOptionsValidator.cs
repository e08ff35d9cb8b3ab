using InfusionSuite.Fhir.Authentication;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>Refuses a bad delivery setting at start, naming it.</summary>
internal sealed class FhirDeliveryOptionsValidator : IValidateOptions<FhirDeliveryOptions>
{
    private const string Section = FhirDeliveryOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, FhirDeliveryOptions options)
    {
        var failures = new List<string>();
        if (options.BaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{Section}{nameof(options.BaseUrl)} must be an absolute http(s) URL.");
        }

        Positive(failures, nameof(options.PollInterval), options.PollInterval);
        Positive(failures, nameof(options.AttemptTimeout), options.AttemptTimeout);
        Positive(failures, nameof(options.InProcessRetryDelay), options.InProcessRetryDelay);
        Positive(failures, nameof(options.MaxInProcessRetryAfter), options.MaxInProcessRetryAfter);
        Positive(failures, nameof(options.OutboxRetryDelay), options.OutboxRetryDelay);
        if (options.OutboxMaxRetryDelay < options.OutboxRetryDelay)
        {
            failures.Add($"{Section}{nameof(options.OutboxMaxRetryDelay)} must not be below {nameof(options.OutboxRetryDelay)}.");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            failures.Add($"{Section}{nameof(options.BatchSize)} must be 1 to 1000.");
        }

        if (options.InProcessRetries is < 0 or > 10)
        {
            failures.Add($"{Section}{nameof(options.InProcessRetries)} must be 0 to 10.");
        }

        if (!Enum.IsDefined(options.Shape))
        {
            failures.Add($"{Section}{nameof(options.Shape)} must be Transaction, Individual or Millennium.");
        }

        if (options.Shape == FhirDeliveryShape.Millennium && string.IsNullOrWhiteSpace(options.BillCodeSystem))
        {
            failures.Add($"{Section}{nameof(options.BillCodeSystem)} is required for the Millennium shape (ChargeItem/$create takes the site's bill codes).");
        }

        failures.AddRange(Authentication(options.Authentication));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Authentication(EhrAuthenticationOptions auth)
    {
        var prefix = Section + nameof(FhirDeliveryOptions.Authentication) + ":";
        switch (auth.Mode)
        {
            case EhrAuthenticationMode.StaticBearer when string.IsNullOrWhiteSpace(auth.BearerToken):
                yield return $"{prefix}{nameof(auth.BearerToken)} is required for {nameof(EhrAuthenticationMode.StaticBearer)}.";
                break;
            case EhrAuthenticationMode.SmartBackendServices:
                if (auth.TokenEndpoint is not { IsAbsoluteUri: true })
                {
                    yield return $"{prefix}{nameof(auth.TokenEndpoint)} must be an absolute URL for {nameof(EhrAuthenticationMode.SmartBackendServices)}.";
                }

                if (string.IsNullOrWhiteSpace(auth.ClientId))
                {
                    yield return $"{prefix}{nameof(auth.ClientId)} is required for {nameof(EhrAuthenticationMode.SmartBackendServices)}.";
                }

                if (auth.AssertionLifetime <= TimeSpan.Zero || auth.AssertionLifetime > TimeSpan.FromMinutes(5))
                {
                    yield return $"{prefix}{nameof(auth.AssertionLifetime)} must be more than zero and at most five minutes.";
                }

                if (KeyProblem(auth) is { } problem)
                {
                    yield return prefix + problem;
                }

                break;
            default:
                break;
        }
    }

    private static string? KeyProblem(EhrAuthenticationOptions auth)
    {
        try
        {
            SmartSigningKey.Load(auth);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            return e is InvalidOperationException ? e.Message : $"{nameof(auth.PrivateKeyPem)}/{nameof(auth.PrivateKeyPath)}: the key cannot be read ({e.GetType().Name}).";
        }
    }

    private static void Positive(List<string> failures, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Section}{setting} must be more than zero.");
        }
    }
}
