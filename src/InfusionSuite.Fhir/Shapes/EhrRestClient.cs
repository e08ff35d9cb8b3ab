using System.Text;
using Hl7.Fhir.Model;
using InfusionSuite.Application.Hosting;
using InfusionSuite.Fhir.Delivery;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>
/// Plain FHIR REST requests to the EHR, one resource at a time. Reads and updates go through the
/// retrying client (they are safe to repeat); a create or an operation goes through the client that
/// never repeats a request by itself, so a create whose answer was lost is not made twice.
/// </summary>
internal sealed class EhrRestClient(IHttpMessageHandlerFactory handlers, IOptions<FhirDeliveryOptions> options, IoTime io)
{
    public const string SendOnceClientName = "InfusionSuite.Fhir.EhrOnce";

    public Task<EhrResponse> GetAsync(string relative, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, relative, null, repeatable: true, cancellationToken);

    public Task<EhrResponse> PutAsync(string relative, Resource body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, relative, body, repeatable: true, cancellationToken);

    public Task<EhrResponse> PostOnceAsync(string relative, Resource body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, relative, body, repeatable: false, cancellationToken);

    private async Task<EhrResponse> SendAsync(HttpMethod method, string relative, Resource? body, bool repeatable, CancellationToken cancellationToken)
    {
        var root = options.Value.BaseUrl ?? throw new InvalidOperationException("No EHR base URL is configured.");
        var baseUrl = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        using var http = new HttpClient(handlers.CreateHandler(repeatable ? FhirClientTransport.HttpClientName : SendOnceClientName), disposeHandler: false)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var request = new HttpRequestMessage(method, new Uri(baseUrl, relative));
        request.Headers.Accept.ParseAdd("application/fhir+json");
        if (body is not null)
        {
            request.Content = new StringContent(FhirJson.Serialize(body), Encoding.UTF8, "application/fhir+json");
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new EhrResponse((int)response.StatusCode, response.Headers.Location?.ToString(), text, RetryAfterHeader.Delay(response, io.Real));
        }
        catch (Exception e) when (TransientFailures.IsTransientException(e, cancellationToken))
        {
            return new EhrResponse(null, null, string.Empty, null, $"No answer ({e.GetType().Name}): {e.Message}");
        }
    }
}
