namespace InfusionSuite.Fhir.Authentication;

/// <summary>A fixed bearer token from configuration; a 401 cannot renew it.</summary>
internal sealed class StaticBearerToken(string token) : IEhrAccessTokenSource
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);

    public bool Invalidate(string token) => false;
}
