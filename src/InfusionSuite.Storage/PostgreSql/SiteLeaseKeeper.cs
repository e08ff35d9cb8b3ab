using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// Renews the worker's site leases every third of their duration once the writer took them. A lease found
/// taken over, or not renewed (the database out of reach) for longer than it lasts, stops the worker: it exits
/// non-zero, its broker sessions close, and its service manager restarts it as a standby. Its batches were
/// refused by the fencing check anyway; stopping also frees the sites' MQTT client ids for their new owner.
/// </summary>
internal sealed partial class SiteLeaseKeeper(
    SiteLeaseMetrics metrics,
    DatabaseConnections connections,
    TimeProvider time,
    ILogger<SiteLeaseKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connections is not PostgreSqlConnections { Leases: var leases })
        {
            return;
        }

        metrics.Observe(leases);
        try
        {
            await leases.WaitUntilHeldAsync(stoppingToken);
            var validUntil = time.GetUtcNow() + leases.Duration;
            while (true)
            {
                await Task.Delay(leases.Duration / 3, time, stoppingToken);
                var asked = time.GetUtcNow();
                bool renewed;
                try
                {
                    renewed = await leases.RenewAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    if (time.GetUtcNow() >= validUntil)
                    {
                        throw new Application.Ports.StorageUnavailableException(
                            $"Storage: worker {leases.Worker} could not renew its site leases for longer than they last ({e.Message}); another worker may own its sites now, so it stops.",
                            e);
                    }

                    LogRenewFailed(logger, leases.Worker, e.GetType().Name);
                    continue;
                }

                if (!renewed)
                {
                    throw leases.Lost(string.Join(", ", leases.Sites));
                }

                validUntil = asked + leases.Duration;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: the store releases the leases after the writer's last batch
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {Worker} could not renew its site leases ({ErrorType}); trying again while they last")]
    private static partial void LogRenewFailed(ILogger logger, string worker, string errorType);
}
