namespace InfusionSuite.Application.Outbox;

/// <summary>
/// When an outbox item is tried again after a transient failure, for every channel: exponential back-off from
/// the channel's first delay up to its longest, ±20 % jitter, and never before the receiver's own Retry-After.
/// The schedule is stored with the item (<see cref="IOutbox.ScheduleRetryAsync"/>), so it survives a restart;
/// in-process retries of a single request are the channel's (FHIR: Polly through Microsoft.Extensions.Http.Resilience).
/// </summary>
public static class OutboxRetrySchedule
{
    /// <param name="jitterSample">A sample in [0, 1): 0 waits 80 % of the back-off, 1 waits 120 %.</param>
    public static DateTimeOffset Next(
        DateTimeOffset now, int failedAttempts, TimeSpan? retryAfter, TimeSpan firstDelay, TimeSpan maxDelay, double jitterSample) =>
        now + Wait(failedAttempts, retryAfter, firstDelay, maxDelay, jitterSample);

    /// <summary>The wait before the next attempt (real time: the receiver's and the back-off's).</summary>
    /// <param name="jitterSample">A sample in [0, 1): 0 waits 80 % of the back-off, 1 waits 120 %.</param>
    public static TimeSpan Wait(int failedAttempts, TimeSpan? retryAfter, TimeSpan firstDelay, TimeSpan maxDelay, double jitterSample)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var backoff = Math.Min(firstDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds(backoff * (0.8 + (0.4 * jitterSample)));
        return retryAfter is { } receiverWait && receiverWait > jittered ? receiverWait : jittered;
    }
}
