namespace InfusionSuite.Fhir.Delivery;

/// <summary>
/// When an outbox item is tried again after a transient failure: exponential back-off from
/// <see cref="FhirDeliveryOptions.OutboxRetryDelay"/> up to <see cref="FhirDeliveryOptions.OutboxMaxRetryDelay"/>,
/// with ±20 % jitter, and never before the server's Retry-After.
/// </summary>
internal static class RetrySchedule
{
    public static DateTimeOffset Next(DateTimeOffset now, int failedAttempts, TimeSpan? retryAfter, FhirDeliveryOptions options, double jitterSample)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var backoff = options.OutboxRetryDelay.TotalMilliseconds * Math.Pow(2, exponent);
        backoff = Math.Min(backoff, options.OutboxMaxRetryDelay.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds(backoff * (0.8 + (0.4 * jitterSample)));
        var wait = retryAfter is { } serverWait && serverWait > jittered ? serverWait : jittered;
        return now + wait;
    }
}
