namespace InfusionSuite.Fhir.Authentication;

/// <summary>
/// The token endpoint did not give a token. A transient failure for delivery: items wait and are
/// retried, each attempt recording this message, until the configuration or the EHR is fixed.
/// </summary>
public sealed class EhrAuthenticationException : HttpRequestException
{
    public EhrAuthenticationException()
    {
    }

    public EhrAuthenticationException(string message)
        : base(message)
    {
    }

    public EhrAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
