using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace InfusionSuite.Fhir.Tests;

/// <summary>A fresh key pair for a SMART client: the private PEM for InfusionSuite, the public JWK for the EHR.</summary>
internal sealed class SmartKeys : IDisposable
{
    private readonly AsymmetricAlgorithm _key;

    public SmartKeys(string algorithm)
    {
        Algorithm = algorithm;
        KeyId = "infusionsuite-" + algorithm.ToLowerInvariant();
        _key = algorithm == "ES384" ? ECDsa.Create(ECCurve.NamedCurves.nistP384) : RSA.Create(2048);
    }

    public string Algorithm { get; }

    public string KeyId { get; }

    public string PrivateKeyPem => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>The public key as the EHR registers it.</summary>
    public Dictionary<string, string> PublicJwk()
    {
        var jwk = new Dictionary<string, string>(StringComparer.Ordinal) { ["kid"] = KeyId, ["alg"] = Algorithm };
        if (_key is ECDsa ec)
        {
            var p = ec.ExportParameters(includePrivateParameters: false);
            jwk["kty"] = "EC";
            jwk["crv"] = "P-384";
            jwk["x"] = Base64UrlEncoder.Encode(p.Q.X);
            jwk["y"] = Base64UrlEncoder.Encode(p.Q.Y);
        }
        else
        {
            var p = ((RSA)_key).ExportParameters(includePrivateParameters: false);
            jwk["kty"] = "RSA";
            jwk["n"] = Base64UrlEncoder.Encode(p.Modulus);
            jwk["e"] = Base64UrlEncoder.Encode(p.Exponent);
        }

        return jwk;
    }

    /// <summary>The public half only, as a verifier holds it.</summary>
    public SecurityKey PublicSecurityKey()
    {
        if (_key is ECDsa ec)
        {
            var verifier = ECDsa.Create(ec.ExportParameters(includePrivateParameters: false));
            return new ECDsaSecurityKey(verifier) { KeyId = KeyId };
        }

        var rsa = RSA.Create(((RSA)_key).ExportParameters(includePrivateParameters: false));
        return new RsaSecurityKey(rsa) { KeyId = KeyId };
    }

    public void Dispose() => _key.Dispose();
}
