using System.Net.Http.Headers;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>Reads <c>Retry-After</c> (seconds or an HTTP date) as a delay from now.</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Delay(HttpResponseMessage response, TimeProvider time) => Delay(response.Headers.RetryAfter, time);

    public static TimeSpan? Delay(RetryConditionHeaderValue? header, TimeProvider time)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
