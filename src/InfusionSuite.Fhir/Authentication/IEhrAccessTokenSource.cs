namespace InfusionSuite.Fhir.Authentication;

/// <summary>Where the bearer token for the EHR comes from (none, static, SMART Backend Services).</summary>
public interface IEhrAccessTokenSource
{
    /// <summary>The token to send, or null to send none.</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>The EHR refused <paramref name="token"/> (401): forget it if it can be renewed. True when a new one may be asked for.</summary>
    bool Invalidate(string token);
}
