using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>
/// The in-process part of the retry: a few quick retries with exponential back-off and jitter
/// (honouring a short Retry-After) around a per-attempt timeout. What it cannot fix in seconds
/// goes back to the outbox, whose persisted schedule takes over (see <see cref="Application.Outbox.OutboxRetrySchedule"/>).
/// </summary>
internal static class DeliveryResilience
{
    /// <param name="time">Real time (<see cref="Application.Hosting.IoTime.Real"/>): the pipeline's time-out and back-off wait on it, never on the host's clinical clock.</param>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, FhirDeliveryOptions options, TimeProvider time)
    {
        builder.TimeProvider = time;
        if (options.InProcessRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.InProcessRetries,
                Delay = options.InProcessRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = options.MaxInProcessRetryAfter,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, time, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfterHeader.Delay(response, time) : null),
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout });
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, FhirDeliveryOptions options, TimeProvider time, CancellationToken token)
    {
        if (outcome.Exception is { } exception)
        {
            return TransientFailures.IsTransientException(exception, token);
        }

        var response = outcome.Result!;
        if (!TransientFailures.IsTransientStatus((int)response.StatusCode))
        {
            return false;
        }

        // A long Retry-After is the outbox's to honour: it persists the wait across restarts.
        return RetryAfterHeader.Delay(response, time) is not { } wait || wait <= options.MaxInProcessRetryAfter;
    }
}
