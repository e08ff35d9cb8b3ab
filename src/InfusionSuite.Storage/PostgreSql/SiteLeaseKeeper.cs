using InfusionSuite.Application.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// Renews the worker's site leases every third of their duration once the writer took them. While the database is away
/// (<see cref="DatabaseOutage"/>) it tries again every <see cref="SiteLeases.Poll"/> on a fresh connection: a lease that runs
/// out meanwhile is still this worker's unless another took it (its fencing number unchanged), and the writer's batches
/// wait for the database anyway; standbys give a returning owner one whole lease to renew. A lease found taken over stops
/// the worker: it exits non-zero with one line, its broker sessions close, and its service manager restarts it as a
/// standby. When the service begins to stop, renewing stops at once (the writer then releases the leases after its last batch).
/// </summary>
internal sealed partial class SiteLeaseKeeper(
    SiteLeaseMetrics metrics,
    DatabaseConnections connections,
    DatabaseOutage outage,
    IHostApplicationLifetime lifetime,
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
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        try
        {
            await leases.WaitUntilHeldAsync(stopping.Token);
            var validUntil = time.GetUtcNow() + leases.Duration;
            var wait = leases.Duration / 3;
            var ranOut = false;
            while (!leases.IsReleased)
            {
                await Task.Delay(wait, time, stopping.Token);
                var asked = time.GetUtcNow();
                bool renewed;
                var mark = outage.Mark();
                try
                {
                    renewed = await leases.RenewAsync(stopping.Token);
                    outage.Reached("the lease keeper", mark);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    if (!outage.Report("the lease keeper", e))
                    {
                        LogRenewFailed(logger, leases.Worker, e.GetType().Name);
                    }

                    if (!ranOut && time.GetUtcNow() >= validUntil)
                    {
                        ranOut = true;
                        LogRanOut(logger, leases.Worker);
                    }

                    wait = leases.Poll;
                    continue;
                }

                if (!renewed)
                {
                    throw leases.Lost(string.Join(", ", leases.Sites));
                }

                if (ranOut)
                {
                    ranOut = false;
                    LogRenewedAgain(logger, leases.Worker);
                }

                validUntil = asked + leases.Duration;
                wait = leases.Duration / 3;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // stopping: no more renewals; the store releases the leases after the writer's last batch
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {Worker} could not renew its site leases ({ErrorType}); trying again")]
    private static partial void LogRenewFailed(ILogger logger, string worker, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {Worker}: its site leases ran out before the database was back; it keeps them if no other worker took them (checked at the next renewal and at every batch)")]
    private static partial void LogRanOut(ILogger logger, string worker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {Worker} renewed its site leases again; nobody took them meanwhile")]
    private static partial void LogRenewedAgain(ILogger logger, string worker);
}
