using System.Globalization;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace InfusionSuite.Fhir.Authentication;

/// <summary>
/// SMART Backend Services: client credentials grant with a signed JWT assertion. The access token
/// is cached until shortly before it expires (<see cref="EhrAuthenticationOptions.TokenRenewalMargin"/>)
/// and renewed once when the EHR answers 401.
/// </summary>
internal sealed class SmartBackendServicesToken(
    HttpClient tokenClient, EhrAuthenticationOptions options, SigningCredentials credentials, TimeProvider time) : IEhrAccessTokenSource, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _cached;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Fresh() ?? await RequestAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public bool Invalidate(string token)
    {
        var cached = _cached;
        if (cached is { } c && string.Equals(c.Token, token, StringComparison.Ordinal))
        {
            _cached = null;
        }

        return true;
    }

    public void Dispose() => _gate.Dispose();

    private string? Fresh() => _cached is { } c && time.GetUtcNow() < c.RenewAt ? c.Token : null;

    private async Task<string> RequestAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var assertion = SmartClientAssertion.Create(
            options.ClientId!, options.TokenEndpoint!, credentials, now, options.AssertionLifetime, Guid.NewGuid().ToString("N"));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = options.Scope,
            ["client_assertion_type"] = SmartClientAssertion.AssertionType,
            ["client_assertion"] = assertion,
        });
        using var response = await tokenClient.PostAsync(options.TokenEndpoint, form, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new EhrAuthenticationException(string.Create(CultureInfo.InvariantCulture, $"The token endpoint answered {(int)response.StatusCode}: {Describe(body)}"));
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var token = root.TryGetProperty("access_token", out var t) ? t.GetString() : null;
        if (string.IsNullOrEmpty(token))
        {
            throw new EhrAuthenticationException("The token endpoint answered without an access_token.");
        }

        var lifetime = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(5);
        var renewAt = now + lifetime - (lifetime > options.TokenRenewalMargin * 2 ? options.TokenRenewalMargin : TimeSpan.Zero);
        _cached = (token, renewAt);
        return token;
    }

    private static string Describe(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var error = json.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
            var description = json.RootElement.TryGetProperty("error_description", out var d) ? d.GetString() : null;
            return $"{error} {description}".Trim();
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
