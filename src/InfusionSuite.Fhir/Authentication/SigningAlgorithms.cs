namespace InfusionSuite.Fhir.Authentication;

/// <summary>The JWS algorithms SMART Backend Services requires servers to support.</summary>
public static class SigningAlgorithms
{
    public const string Rs384 = "RS384";
    public const string Es384 = "ES384";
}
