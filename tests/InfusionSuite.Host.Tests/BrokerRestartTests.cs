using System.Diagnostics;
using System.Globalization;
using InfusionSuite.Testing;
using Xunit.Abstractions;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// A worker on PostgreSQL under QoS 1 load when the broker (mosquitto with persistence on, as a site runs it) is
/// stopped and started again: the controller sends what was not acknowledged again once it is back, the worker's link
/// reconnects to its persistent session, and every message the broker acknowledged is stored exactly once.
/// </summary>
public sealed class BrokerRestartTests(ITestOutputHelper output)
{
    [Fact(Timeout = 240_000)]
    public async Task BrokerRestartedUnderLoad_EveryAcknowledgedSampleStoredOnce()
    {
        var database = (await PostgreSqlCluster.SharedAsync()).NewDatabase();
        await using var broker = await MosquittoBroker.StartPersistentAsync(CancellationToken.None);
        var worker = await SharedDatabaseWorkers.StartAsync("worker-a", database, broker, "north", TimeSpan.FromSeconds(5));
        try
        {
            await worker.WaitForOutputAsync("MQTT link connected");
            using var stop = new CancellationTokenSource();
            var acknowledged = 0;
            var resent = 0;
            var publishing = Task.Run(async () =>
            {
                var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "north", "CHAIR-01", CancellationToken.None);
                try
                {
                    for (uint seq = 1; !stop.IsCancellationRequested;)
                    {
                        try
                        {
                            await controller.PublishTelemetryAsync("0A1B2C3D", seq, CancellationToken.None); // returns once the broker acknowledged it
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            // The broker went away: connect again and send the same sample again, as a controller does.
                            await controller.DisposeAsync();
                            controller = await ReconnectAsync(broker);
                            Interlocked.Increment(ref resent);
                            continue;
                        }

                        Interlocked.Increment(ref acknowledged);
                        if (seq++ % 10 == 0)
                        {
                            await Task.Delay(20, CancellationToken.None);
                        }
                    }
                }
                finally
                {
                    await controller.DisposeAsync();
                }
            });

            await SharedDatabaseWorkers.WaitAsync(async () => await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM telemetry") >= 300, "the worker storing samples");
            var clock = Stopwatch.StartNew();
            await broker.StopCleanlyAsync(CancellationToken.None);
            await broker.StartAgainAsync(CancellationToken.None);
            var down = clock.Elapsed;
            var stored = await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM telemetry");
            await SharedDatabaseWorkers.WaitAsync(async () => await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM telemetry") > stored + 300, "storing again");
            var storing = clock.Elapsed;
            await stop.CancelAsync();
            await publishing;

            var total = Volatile.Read(ref acknowledged);
            await SharedDatabaseWorkers.AssertStoredOnceAsync(database, total, output, () => $"--- broker\n{broker.Output}\n--- worker\n{worker.Output}\n{worker.Error}");
            Assert.False(worker.HasExited, worker.Error);
            Assert.Contains("(session present: True)", worker.Output, StringComparison.Ordinal); // the broker kept the worker's session across its restart
            Assert.Equal(0, await worker.StopAsync());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mosquitto (persistence on) stopped and started again in {down.TotalSeconds:F1} s under QoS 1 load; storing again {storing.TotalSeconds:F1} s after the stop; " +
                $"{total} acknowledged, {total} stored once; the controller sent {resent} sample(s) again"));
        }
        finally
        {
            if (!worker.HasExited)
            {
                await worker.KillHardAsync();
            }
        }
    }

    private static async Task<MqttTestController> ReconnectAsync(MosquittoBroker broker)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await MqttTestController.ConnectAsync(broker.Host, broker.Port, "north", "CHAIR-01", CancellationToken.None);
            }
            catch (Exception) when (waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
            }
        }
    }
}
