using InfusionSuite.Application.Configuration;
using InfusionSuite.Application.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// Writes one batch through the store, trying again after each of <see cref="IngestOptions.CommitRetryDelays"/>;
/// when those are spent the failure is thrown (the writer then stops, and nothing unstored is acknowledged).
/// </summary>
internal sealed partial class BatchCommitter(
    IIngestStore store,
    IngestMetrics metrics,
    TimeProvider timeProvider,
    IOptions<IngestOptions> options,
    ILogger<BatchCommitter> logger)
{
    private readonly IReadOnlyList<TimeSpan> _retryDelays = options.Value.RetryDelays();

    public async Task CommitAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await store.CommitAsync(batch, cancellationToken);
                break;
            }
            catch (Exception exception) when (exception is not OperationCanceledException && attempt < _retryDelays.Count)
            {
                metrics.CommitFailed();
                LogCommitRetry(logger, exception, attempt + 1, batch.Count);
                await Task.Delay(_retryDelays[attempt], timeProvider, cancellationToken);
            }
        }

        metrics.Committed(batch.Count, timeProvider.GetElapsedTime(started));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch commit failed (attempt {Attempt}, {Items} items); retrying, nothing acknowledged")]
    private static partial void LogCommitRetry(ILogger logger, Exception exception, int attempt, int items);
}
