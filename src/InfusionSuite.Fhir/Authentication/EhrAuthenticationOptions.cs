namespace InfusionSuite.Fhir.Authentication;

/// <summary>EHR authentication settings (<c>Fhir:Delivery:Authentication</c>).</summary>
public sealed class EhrAuthenticationOptions
{
    /// <summary>How to authenticate to the EHR: <c>None</c> (no Authorization header), <c>StaticBearer</c> (a fixed token) or <c>SmartBackendServices</c> (signed JWT assertion).</summary>
    public EhrAuthenticationMode Mode { get; set; } = EhrAuthenticationMode.None;

    /// <summary>For <see cref="EhrAuthenticationMode.StaticBearer"/>.</summary>
    public string? BearerToken { get; set; }

    /// <summary>SMART: the EHR's token endpoint (also the assertion's <c>aud</c>).</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>SMART: the registered client id (the assertion's <c>iss</c> and <c>sub</c>).</summary>
    public string? ClientId { get; set; }

    /// <summary>SMART: scopes asked for.</summary>
    public string Scope { get; set; } = "system/Device.write system/Procedure.write system/Observation.write system/ChargeItem.write";

    /// <summary>SMART: <c>RS384</c> (RSA key) or <c>ES384</c> (P-384 EC key).</summary>
    public string Algorithm { get; set; } = SigningAlgorithms.Rs384;

    /// <summary>SMART: the private key as PEM text (or use <see cref="PrivateKeyPath"/>).</summary>
    public string? PrivateKeyPem { get; set; }

    /// <summary>SMART: a file holding the private key as PEM.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>SMART: the <c>kid</c> of the public key registered with the EHR (its JWKS).</summary>
    public string? KeyId { get; set; }

    /// <summary>SMART: lifetime of each assertion (at most five minutes by the SMART specification).</summary>
    public TimeSpan AssertionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>SMART: a token is renewed this long before it expires.</summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromSeconds(30);
}
