namespace InfusionSuite.Fhir.Authentication;

/// <summary>How InfusionSuite authenticates to the EHR's FHIR endpoint.</summary>
public enum EhrAuthenticationMode
{
    None,

    /// <summary>A fixed bearer token from configuration.</summary>
    StaticBearer,

    /// <summary>SMART Backend Services: client credentials with a signed JWT assertion (RS384 or ES384).</summary>
    SmartBackendServices,
}
