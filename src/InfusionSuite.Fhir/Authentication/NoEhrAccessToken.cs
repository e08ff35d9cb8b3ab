namespace InfusionSuite.Fhir.Authentication;

/// <summary>No authentication (an interface engine on a trusted network, tests).</summary>
internal sealed class NoEhrAccessToken : IEhrAccessTokenSource
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

    public bool Invalidate(string token) => false;
}
