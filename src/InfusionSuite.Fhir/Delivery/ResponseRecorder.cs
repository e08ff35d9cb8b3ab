namespace InfusionSuite.Fhir.Delivery;

/// <summary>
/// Outermost handler of one send: remembers the final HTTP status and Retry-After that the
/// FhirClient turns into an exception, so the outbox can persist the server's wait.
/// </summary>
internal sealed class ResponseRecorder(HttpMessageHandler inner, TimeProvider time) : DelegatingHandler(inner)
{
    public int? Status { get; private set; }

    public TimeSpan? RetryAfter { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        Status = (int)response.StatusCode;
        RetryAfter = RetryAfterHeader.Delay(response, time);
        return response;
    }
}
