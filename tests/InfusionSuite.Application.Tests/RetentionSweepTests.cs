namespace InfusionSuite.Application.Tests;

/// <summary>Samples no session took are purged on the clock, between batches, with the configured retention.</summary>
public sealed class RetentionSweepTests
{
    [Fact(Timeout = 30_000)]
    public async Task IdleWriter_SweepsEveryIntervalOnTheClock_WithTheRetentionCutoff()
    {
        await using var writer = await WriterHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Ingest:RetentionSweepInterval"] = "00:10:00",
            ["Ingest:UnassignedRetention"] = "2.00:00:00",
        });
        Assert.Empty(writer.Store.PurgeCutoffs);

        writer.Clock.Advance(TimeSpan.FromMinutes(10));
        await Timeouts.UntilAsync(() => writer.Store.PurgeCutoffs.Count == 1, "the first sweep");
        writer.Clock.Advance(TimeSpan.FromMinutes(10));
        await Timeouts.UntilAsync(() => writer.Store.PurgeCutoffs.Count == 2, "the second sweep");

        Assert.Equal(
            [WriterHarness.NineOClock.AddMinutes(10).AddDays(-2), WriterHarness.NineOClock.AddMinutes(20).AddDays(-2)],
            writer.Store.PurgeCutoffs);
    }
}
