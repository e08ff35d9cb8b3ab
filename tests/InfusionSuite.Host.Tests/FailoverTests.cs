using System.Diagnostics;
using System.Globalization;
using InfusionSuite.Testing;
using Xunit.Abstractions;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// Two worker processes for one site on one PostgreSQL database and a real mosquitto: the owner is killed with
/// SIGKILL under QoS 1 load; the standby takes the site's lease within the lease time, takes the site's broker
/// session (same client id, persistent), and every message the broker acknowledged to the controller is stored
/// exactly once.
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);

    [Fact(Timeout = 180_000)]
    public async Task OwnerKilledUnderLoad_StandbyTakesTheSiteWithinTheLease_EveryAcknowledgedMessageStoredOnce()
    {
        var cluster = await PostgreSqlCluster.SharedAsync();
        var database = cluster.NewDatabase();
        await using var broker = await MosquittoBroker.StartAsync(CancellationToken.None);
        var owner = await StartWorkerAsync("worker-a", database, broker);
        await owner.WaitForOutputAsync("worker worker-a took the lease");
        await owner.WaitForOutputAsync("MQTT link connected");
        var standby = await StartWorkerAsync("worker-b", database, broker);
        await standby.WaitForOutputAsync("Worker worker-b waits as a standby");

        await using var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "north", "CHAIR-01", CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var acknowledged = 0;
        var publishing = Task.Run(async () =>
        {
            for (uint seq = 1; !stop.IsCancellationRequested; seq++)
            {
                await controller.PublishTelemetryAsync("0A1B2C3D", seq, CancellationToken.None); // returns once the broker acknowledged it
                Interlocked.Increment(ref acknowledged);
                if (seq % 10 == 0)
                {
                    await Task.Delay(20, CancellationToken.None); // a steady load (~500 a second), below what the broker queues for a session
                }
            }
        });

        await WaitAsync(async () => await CountAsync(database, "SELECT count(*) FROM telemetry") >= 300, "the owner storing samples");
        var storedBeforeKill = await CountAsync(database, "SELECT count(*) FROM telemetry");
        var acknowledgedAtKill = Volatile.Read(ref acknowledged);
        var clock = Stopwatch.StartNew();
        await owner.KillHardAsync();

        await WaitAsync(async () => await CountAsync(database, "SELECT count(*) FROM site_leases WHERE site = 'north' AND owner = 'worker-b'") == 1, "the standby taking the lease");
        var takeover = clock.Elapsed;
        await WaitAsync(async () => await CountAsync(database, "SELECT count(*) FROM telemetry") > storedBeforeKill, "the standby storing samples");
        var storing = clock.Elapsed;
        var acknowledgedAtTakeover = Volatile.Read(ref acknowledged);
        await WaitAsync(() => Task.FromResult(Volatile.Read(ref acknowledged) >= acknowledgedAtTakeover + 500), "more load on the new owner");
        await stop.CancelAsync();
        await publishing;

        var total = Volatile.Read(ref acknowledged);
        await WaitAsync(async () => await CountAsync(database, "SELECT count(*) FROM telemetry") >= total, "every acknowledged sample stored");
        var caughtUp = clock.Elapsed;
        Assert.Equal(total, await CountAsync(database, "SELECT count(*) FROM telemetry"));
        Assert.Equal(total, await CountAsync(database, "SELECT count(DISTINCT seq) FROM telemetry"));
        Assert.Equal(total, await CountAsync(database, "SELECT max(seq) FROM telemetry"));
        Assert.Equal(2L, await CountAsync(database, "SELECT fence FROM site_leases WHERE site = 'north'"));
        Assert.True(takeover < 3 * LeaseDuration, $"takeover took {takeover.TotalSeconds:F1} s (lease {LeaseDuration.TotalSeconds} s; a loaded machine may add to the standby's poll)");
        Assert.Contains("(session present: True)", standby.Output, StringComparison.Ordinal);
        Assert.Equal(0, await standby.StopAsync());
        Assert.DoesNotContain("fail:", standby.Output, StringComparison.Ordinal);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lease {LeaseDuration.TotalSeconds} s; messages acknowledged by the broker: {total} (at the kill: {acknowledgedAtKill}, stored then: {storedBeforeKill}); " +
            $"kill → standby holds the lease: {takeover.TotalSeconds:F2} s; → stores again: {storing.TotalSeconds:F2} s; → all {total} stored once: {caughtUp.TotalSeconds:F2} s"));
    }

    [Fact(Timeout = 120_000)]
    public async Task OwnerWhoseLeaseWasTakenOver_StopsWithExitOne_NamingTheSite()
    {
        var database = (await PostgreSqlCluster.SharedAsync()).NewDatabase();
        await using var broker = await MosquittoBroker.StartAsync(CancellationToken.None);
        var owner = await StartWorkerAsync("worker-a", database, broker);
        await owner.WaitForOutputAsync("worker worker-a took the lease");

        // What a standby does once the lease ran out while the owner stalled.
        Assert.Equal(2L, await CountAsync(database, "UPDATE site_leases SET owner = 'worker-b', fence = fence + 1 WHERE site = 'north' RETURNING fence"));

        Assert.Equal(1, await owner.WaitForExitAsync()); // at its next renewal, within a third of the lease
        Assert.Contains("InfusionSuite stopped: ", owner.Error, StringComparison.Ordinal);
        Assert.Contains("worker worker-a lost the lease of site north", owner.Error, StringComparison.Ordinal);
    }

    private static Task<HostRun> StartWorkerAsync(string name, string database, MosquittoBroker broker) =>
        SharedDatabaseWorkers.StartAsync(name, database, broker, "north", LeaseDuration);

    private static Task WaitAsync(Func<Task<bool>> condition, string what) => SharedDatabaseWorkers.WaitAsync(condition, what);

    private static Task<long> CountAsync(string database, string sql) => SharedDatabaseWorkers.CountAsync(database, sql);
}
