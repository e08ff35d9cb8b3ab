using InfusionSuite.Application.Configuration;
using InfusionSuite.Application.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// Deletes samples and events no session took once they are older than
/// <see cref="IngestOptions.UnassignedRetention"/>, every <see cref="IngestOptions.RetentionSweepInterval"/>.
/// Run by the writer between batches (the store has one caller at a time).
/// </summary>
internal sealed partial class UnassignedSweep(
    IIngestStore store,
    TimeProvider timeProvider,
    IOptions<IngestOptions> options,
    ILogger<UnassignedSweep> logger)
{
    private readonly IngestOptions _options = options.Value;

    /// <summary>When the next sweep is due (the first one: an interval after start).</summary>
    public DateTimeOffset DueAt { get; private set; } = DateTimeOffset.MaxValue;

    public void Start() => DueAt = timeProvider.GetUtcNow() + _options.RetentionSweepInterval;

    public async Task SweepIfDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (now < DueAt)
        {
            return;
        }

        DueAt = now + _options.RetentionSweepInterval;
        var purged = await store.PurgeUnassignedAsync(now - _options.UnassignedRetention, cancellationToken);
        if (purged > 0)
        {
            LogPurged(logger, purged);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired samples and events that no session took")]
    private static partial void LogPurged(ILogger logger, int count);
}
