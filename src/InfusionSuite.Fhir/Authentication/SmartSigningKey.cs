using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace InfusionSuite.Fhir.Authentication;

/// <summary>The private key that signs SMART client assertions: RSA for RS384, P-384 EC for ES384.</summary>
public static class SmartSigningKey
{
    /// <summary>Loads the configured key and checks it fits the algorithm; the message names the setting at fault.</summary>
    public static SigningCredentials Load(EhrAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pem = options.PrivateKeyPem;
        if (string.IsNullOrWhiteSpace(pem) && !string.IsNullOrWhiteSpace(options.PrivateKeyPath))
        {
            pem = File.ReadAllText(options.PrivateKeyPath);
        }

        if (string.IsNullOrWhiteSpace(pem))
        {
            throw new InvalidOperationException($"{nameof(EhrAuthenticationOptions.PrivateKeyPem)} or {nameof(EhrAuthenticationOptions.PrivateKeyPath)} must hold the SMART private key.");
        }

        SecurityKey key;
        string algorithm;
        switch (options.Algorithm)
        {
            case SigningAlgorithms.Rs384:
                var rsa = RSA.Create();
                rsa.ImportFromPem(pem);
                if (rsa.KeySize < 2048)
                {
                    throw new InvalidOperationException($"{nameof(EhrAuthenticationOptions.PrivateKeyPem)}: an RSA key for RS384 needs at least 2048 bits.");
                }

                key = new RsaSecurityKey(rsa);
                algorithm = SecurityAlgorithms.RsaSha384;
                break;
            case SigningAlgorithms.Es384:
                var ec = ECDsa.Create();
                ec.ImportFromPem(pem);
                if (ec.KeySize != 384)
                {
                    throw new InvalidOperationException($"{nameof(EhrAuthenticationOptions.PrivateKeyPem)}: ES384 needs a P-384 EC key.");
                }

                key = new ECDsaSecurityKey(ec);
                algorithm = SecurityAlgorithms.EcdsaSha384;
                break;
            default:
                throw new InvalidOperationException($"{nameof(EhrAuthenticationOptions.Algorithm)} must be {SigningAlgorithms.Rs384} or {SigningAlgorithms.Es384}.");
        }

        key.KeyId = options.KeyId;
        return new SigningCredentials(key, algorithm);
    }
}
