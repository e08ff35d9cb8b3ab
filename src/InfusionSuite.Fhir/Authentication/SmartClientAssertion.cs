using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InfusionSuite.Fhir.Authentication;

/// <summary>
/// The signed JWT a SMART Backend Services client presents at the token endpoint:
/// <c>iss</c> = <c>sub</c> = client id, <c>aud</c> = token endpoint, <c>exp</c> within five
/// minutes, a unique <c>jti</c>; header <c>alg</c> RS384/ES384, <c>kid</c>, <c>typ</c> JWT.
/// </summary>
public static class SmartClientAssertion
{
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static string Create(string clientId, Uri tokenEndpoint, SigningCredentials credentials, DateTimeOffset now, TimeSpan lifetime, string jti)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentNullException.ThrowIfNull(tokenEndpoint);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = tokenEndpoint.ToString(),
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [JwtRegisteredClaimNames.Sub] = clientId,
                [JwtRegisteredClaimNames.Jti] = jti,
            },
            IssuedAt = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = credentials,
            TokenType = "JWT",
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
