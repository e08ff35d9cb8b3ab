using InfusionSuite.Application.Configuration;
using InfusionSuite.Application.Hosting;
using InfusionSuite.Application.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// Writes one batch through the store. An outage of the database (<see cref="DatabaseOutage"/>: unreachable, restarting)
/// is waited out, however long it lasts, trying again with a growing delay (from the first of
/// <see cref="IngestOptions.CommitRetryDelays"/> up to <see cref="MaxOutageDelay"/>) on a fresh connection the store
/// opens: the batch, its acknowledgements and the nurses' answers are held meanwhile. Any other failure is tried again
/// after each of <see cref="IngestOptions.CommitRetryDelays"/>; when those are spent it is thrown (the writer then stops,
/// and nothing unstored is acknowledged). Its waits and the commit's duration are real time (<see cref="IoTime"/>), whatever the host's clock.
/// </summary>
internal sealed partial class BatchCommitter(
    IIngestStore store,
    IngestMetrics metrics,
    DatabaseOutage outage,
    IoTime io,
    IOptions<IngestOptions> options,
    ILogger<BatchCommitter> logger)
{
    /// <summary>The longest wait between two tries while the database is away.</summary>
    public static readonly TimeSpan MaxOutageDelay = TimeSpan.FromSeconds(2);

    private readonly IReadOnlyList<TimeSpan> _retryDelays = options.Value.RetryDelays();

    public async Task CommitAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        var started = io.Real.GetTimestamp();
        var outageDelay = _retryDelays[0];
        for (var attempt = 0; ; attempt++)
        {
            var mark = outage.Mark();
            try
            {
                await store.CommitAsync(batch, cancellationToken);
                outage.Reached("the ingest writer", mark);
                break;
            }
            catch (Exception exception) when (exception is not OperationCanceledException && outage.Report("the ingest writer", exception))
            {
                metrics.CommitFailed();
                attempt--; // an outage spends none of the tries
                await Task.Delay(outageDelay, io.Real, cancellationToken);
                outageDelay = TimeSpan.FromTicks(Math.Min(outageDelay.Ticks * 2, MaxOutageDelay.Ticks));
            }
            catch (Exception exception) when (exception is not OperationCanceledException && attempt < _retryDelays.Count)
            {
                metrics.CommitFailed();
                LogCommitRetry(logger, attempt + 1, batch.Count, exception.GetType().Name);
                await Task.Delay(_retryDelays[attempt], io.Real, cancellationToken);
            }
        }

        metrics.Committed(batch.Count, io.Real.GetElapsedTime(started));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch commit failed (attempt {Attempt}, {Items} items: {ErrorType}); retrying, nothing acknowledged")]
    private static partial void LogCommitRetry(ILogger logger, int attempt, int items, string errorType);
}
