using System.Diagnostics;
using InfusionSuite.Application.Ports;
using Xunit.Abstractions;

namespace InfusionSuite.Storage.Tests;

/// <summary>Telemetry is stored compactly: bytes on disk per sample, tables and indexes included.</summary>
public sealed class SizePerSampleTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task HundredThousandSamplesFromTwentyChairs_TakeUnderOneHundredBytesEach()
    {
        const int Chairs = 20;
        const int PerChair = 5000;
        await using var fixture = new StoreFixture();
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        var sessions = Enumerable.Range(1, Chairs).Select(i => build.Start("s-" + i, $"CHAIR-{i:00}", Sessions.Nine)).ToList();
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        batch.Clear();
        var before = await BytesAsync(fixture);

        var timer = Stopwatch.StartNew();
        for (uint second = 1; second <= PerChair; second++)
        {
            for (var chair = 0; chair < Chairs; chair++)
            {
                build.Sample(sessions[chair], "s-" + (chair + 1), $"CHAIR-{chair + 1:00}", second, Sessions.Nine.AddSeconds(second));
            }

            if (batch.Count >= 1000)
            {
                await fixture.Store.CommitAsync(batch, CancellationToken.None);
                batch.Clear();
            }
        }

        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        timer.Stop();
        var perSample = (double)(await BytesAsync(fixture) - before) / (Chairs * PerChair);
        output.WriteLine($"{perSample:0.0} bytes per sample on disk; {Chairs * PerChair / timer.Elapsed.TotalSeconds:0} samples/s committed in batches of 1000");
        Assert.InRange(perSample, 1, 100);
    }

    private static async Task<long> BytesAsync(StoreFixture fixture)
    {
        await IngestStoreTests.ScalarAsync(fixture, "PRAGMA wal_checkpoint(TRUNCATE)");
        var pages = await IngestStoreTests.ScalarAsync(fixture, "PRAGMA page_count");
        var free = await IngestStoreTests.ScalarAsync(fixture, "PRAGMA freelist_count");
        return (pages - free) * await IngestStoreTests.ScalarAsync(fixture, "PRAGMA page_size");
    }
}
