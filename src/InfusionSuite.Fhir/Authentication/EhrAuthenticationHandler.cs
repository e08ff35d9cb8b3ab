using System.Net;
using System.Net.Http.Headers;

namespace InfusionSuite.Fhir.Authentication;

/// <summary>
/// Puts the EHR bearer token on every FHIR request; on a 401 with a renewable token (SMART) it
/// asks for a new one and sends the request once more.
/// </summary>
internal sealed class EhrAuthenticationHandler(IEhrAccessTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        Authorize(request, token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || token is null || !tokens.Invalidate(token))
        {
            return response;
        }

        response.Dispose();
        Authorize(request, await tokens.GetTokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    private static void Authorize(HttpRequestMessage request, string? token) =>
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
}
