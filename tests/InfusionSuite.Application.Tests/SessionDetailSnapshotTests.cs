using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Tests;

/// <summary>
/// The order fault behind <c>RestartTests.WorkerKilledMidInfusion_…</c> failing once under load ("26 cap-on samples stored
/// as the session's but left out of its temperature summaries"): the writer stores a batch, then publishes the record.
/// A session's detail read in between took the record from memory (the batch not yet in it) and the sample count from
/// the store (the batch in it): a torn snapshot. The count now comes with the record, so the two always agree.
/// </summary>
public sealed class SessionDetailSnapshotTests
{
    [Fact(Timeout = 30_000)]
    public async Task BatchStoredButNotYetPublished_TheDetailsCountAndTemperaturesAreOneSnapshot()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-61", writer.Clock);
        var id = (await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token())).SessionId!;
        uint seq = 0;
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CapOn));
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CoolingStart));
        for (var i = 0; i < 3; i++)
        {
            writer.Clock.Advance(TimeSpan.FromSeconds(1));
            await writer.SendAsync(chair.Sample(seq++));
        }

        await Timeouts.UntilAsync(() => writer.Store.Telemetry.Count == 3, "three samples stored");
        await Timeouts.UntilAsync(async () => (await writer.Board.SessionAsync(id, Timeouts.Token()))!.Record.Temperatures.Coolant.Samples == 3, "three samples shown");

        // The next batch is stored, and the writer has not published its record yet.
        writer.Store.HoldAfterStoring();
        for (var i = 0; i < 26; i++)
        {
            writer.Clock.Advance(TimeSpan.FromSeconds(1));
            await writer.SendAsync(chair.Sample(seq++));
        }

        // The writer commits what it has as soon as nothing more waits: the held batch may be the first of the 26 or all of them.
        await Timeouts.UntilAsync(() => writer.Store.Telemetry.Count > 3, "a batch stored");
        var between = (await writer.Board.SessionAsync(id, Timeouts.Token()))!;
        Assert.Equal(between.Record.Temperatures.Coolant.Samples, between.SampleCount);

        writer.Store.Release();
        await Timeouts.UntilAsync(async () => (await writer.Board.SessionAsync(id, Timeouts.Token()))!.SampleCount == 29, "the batch published");
        var after = (await writer.Board.SessionAsync(id, Timeouts.Token()))!;
        Assert.Equal(29, after.Record.Temperatures.Coolant.Samples);
    }
}
