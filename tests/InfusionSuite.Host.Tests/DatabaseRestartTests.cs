using System.Diagnostics;
using System.Globalization;
using InfusionSuite.Testing;
using Xunit.Abstractions;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// A worker on PostgreSQL under QoS 1 load when the database server crashes and comes back (<c>pg_ctl restart -m
/// immediate</c>): the worker stops with exit 1 (nothing unstored acknowledged) or carries on, is started again as
/// its service manager would, and every message the broker acknowledged to the controller is stored exactly once.
/// </summary>
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);

    [Fact(Timeout = 240_000)]
    public async Task DatabaseRestartedUnderLoad_EveryAcknowledgedSampleStoredOnce()
    {
        // Its own (this test restarts it), and durable as a site runs it: with synchronous_commit off a crash loses commits
        // PostgreSQL had already confirmed, and the worker acknowledged them to the broker (seen as 10–20 samples lost).
        await using var cluster = await PostgreSqlCluster.StartAsync(durable: true);
        var database = cluster.NewDatabase();
        await using var broker = await MosquittoBroker.StartAsync(CancellationToken.None);
        var worker = await SharedDatabaseWorkers.StartAsync("worker-a", database, broker, "north", LeaseDuration);
        HostRun? restarted = null;
        try
        {
            await worker.WaitForOutputAsync("MQTT link connected");
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
                        await Task.Delay(20, CancellationToken.None);
                    }
                }
            });

            await SharedDatabaseWorkers.WaitAsync(async () => await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM telemetry") >= 300, "the worker storing samples");
            var clock = Stopwatch.StartNew();
            await cluster.RestartAsync();
            var down = clock.Elapsed;

            // The writer's connection died with the server: its commit retries run out and it stops (exit 1), or it
            // carries on. A service manager starts a stopped one again; so does this test.
            var exitedWith = await ExitWithinAsync(worker, TimeSpan.FromSeconds(20));
            if (exitedWith is not null)
            {
                Assert.Equal(1, exitedWith);
                Assert.Contains("InfusionSuite stopped: ", worker.Error, StringComparison.Ordinal);
                restarted = await SharedDatabaseWorkers.StartAsync("worker-a", database, broker, "north", LeaseDuration);
                await restarted.WaitForOutputAsync("MQTT link connected");
            }

            var stored = await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM telemetry");
            await SharedDatabaseWorkers.WaitAsync(async () => await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM telemetry") > stored + 300, "storing again");
            var storing = clock.Elapsed;
            await stop.CancelAsync();
            await publishing;

            var total = Volatile.Read(ref acknowledged);
            await SharedDatabaseWorkers.AssertStoredOnceAsync(database, total, output, () => $"exited: {exitedWith}\n--- first worker\n{worker.Output}\n{worker.Error}\n--- restarted\n{restarted?.Output}\n{restarted?.Error}");
            var running = restarted ?? worker;
            Assert.Equal(0, await running.StopAsync());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PostgreSQL crashed and restarted in {down.TotalSeconds:F1} s under QoS 1 load; the worker {(exitedWith is null ? "carried on" : "stopped with exit 1 and was started again")}; " +
                $"storing again {storing.TotalSeconds:F1} s after the crash; {total} acknowledged, {total} stored once"));
        }
        finally
        {
            foreach (var host in new[] { worker, restarted })
            {
                if (host is { HasExited: false })
                {
                    await host.KillHardAsync();
                }
            }
        }
    }

    private static async Task<int?> ExitWithinAsync(HostRun worker, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (!worker.HasExited && waited.Elapsed < limit)
        {
            await Task.Delay(100);
        }

        return worker.HasExited ? await worker.WaitForExitAsync() : null;
    }
}
