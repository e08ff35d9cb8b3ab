using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Tests;

/// <summary>A message is acknowledged (for MQTT: the PUBACK) only once the batch holding it is stored.</summary>
public sealed class AcknowledgementTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [Fact(Timeout = 30_000)]
    public async Task SampleWhileItsCommitIsUnderway_IsNotAcknowledged_UntilTheStoreHasIt()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-01", writer.Clock);
        var ack = new HeldAcknowledgement();
        writer.Store.Hold();

        await writer.SendAsync(chair.Sample(1, ack));
        await Timeouts.UntilAsync(() => writer.Store.CommitAttempts == 1, "the commit to reach the store");

        Assert.False(ack.IsDone);
        Assert.Empty(writer.Store.Telemetry);
        writer.Store.Release();
        await ack.Done.WaitAsync(Timeouts.Limit);
        Assert.Equal(1u, Assert.Single(writer.Store.Telemetry).Sample.Seq);
    }

    [Fact(Timeout = 30_000)]
    public async Task CommitFailsTwice_IsRetriedAfterTheConfiguredDelaysOnTheClock_ThenStoredAndAcknowledged()
    {
        await using var writer = await WriterHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Ingest:CommitRetryDelays:0"] = "00:00:01",
            ["Ingest:CommitRetryDelays:1"] = "00:00:02",
        });
        var chair = new Chair("CHAIR-01", writer.Clock);
        var ack = new HeldAcknowledgement();
        writer.Store.FailNext(2);

        await writer.SendAsync(chair.Sample(1, ack));
        await Timeouts.UntilAsync(() => writer.Store.CommitAttempts == 1, "the first commit");
        await AdvanceUntilAsync(writer, () => ack.IsDone, "the acknowledgement");

        var attempts = writer.Store.AttemptTimes;
        Assert.Equal(3, attempts.Count);
        AssertBetween(TimeSpan.FromSeconds(1), attempts[1] - attempts[0]);
        AssertBetween(TimeSpan.FromSeconds(2), attempts[2] - attempts[1]);
        Assert.Single(writer.Store.Telemetry);
        Assert.True(writer.State.IsRunning);
    }

    [Fact(Timeout = 30_000)]
    public async Task RetriesSpent_WriterStops_NothingIsAcknowledged()
    {
        await using var writer = await WriterHarness.StartAsync(new Dictionary<string, string?> { ["Ingest:CommitRetryDelays:0"] = "00:00:01" });
        var chair = new Chair("CHAIR-01", writer.Clock);
        var ack = new HeldAcknowledgement();
        writer.Store.FailNext(2);

        await writer.SendAsync(chair.Sample(1, ack));
        await AdvanceUntilAsync(writer, () => writer.State.HasFailed, "the writer to stop");

        Assert.Equal(2, writer.Store.CommitAttempts);
        Assert.False(ack.IsDone);
        Assert.Empty(writer.Store.Telemetry);
    }

    [Fact(Timeout = 30_000)]
    public async Task DatabaseAwayForLongerThanEveryRetry_IsWaitedOutOnTheClock_ThenStoredAndAcknowledged_TheWriterRuns()
    {
        await using var writer = await WriterHarness.StartAsync(new Dictionary<string, string?> { ["Ingest:CommitRetryDelays:0"] = "00:00:01" });
        var chair = new Chair("CHAIR-01", writer.Clock);
        var ack = new HeldAcknowledgement();
        writer.Store.FailNextWithOutage(12);

        await writer.SendAsync(chair.Sample(1, ack));
        await AdvanceUntilAsync(writer, () => writer.Store.CommitAttempts == 12, "twelve tries while the database is away");
        Assert.False(ack.IsDone); // held: nothing unstored is acknowledged
        Assert.True(writer.State.IsRunning);
        await AdvanceUntilAsync(writer, () => ack.IsDone, "the acknowledgement once the database is back");

        var attempts = writer.Store.AttemptTimes;
        Assert.Equal(13, attempts.Count);
        AssertBetween(TimeSpan.FromSeconds(1), attempts[1] - attempts[0]); // from the first delay…
        AssertBetween(TimeSpan.FromSeconds(2), attempts[^1] - attempts[^2]); // …growing to at most 2 s
        Assert.Single(writer.Store.Telemetry);
        Assert.True(writer.State.IsRunning);
    }

    [Fact(Timeout = 30_000)]
    public async Task RedeliveredSample_IsCountedAsDuplicateAndStoredOnce_AndStillAcknowledgedAfterACommit()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-01", writer.Clock);
        Assert.True((await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token())).IsAccepted);
        var first = new HeldAcknowledgement();
        await writer.SendAsync(chair.Sample(1, first));
        await first.Done.WaitAsync(Timeouts.Limit);

        var again = new HeldAcknowledgement();
        await writer.SendAsync(chair.Sample(1, again));
        await again.Done.WaitAsync(Timeouts.Limit);

        Assert.Equal(1, writer.Controllers.Duplicates);
        Assert.Single(writer.Store.Telemetry);
        Assert.NotNull(Assert.Single(writer.Store.Telemetry).SessionId);
    }

    [Fact(Timeout = 30_000)]
    public async Task EventWithoutASession_IsStoredUnassigned_ThenAcknowledged()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-09", writer.Clock);
        var ack = new HeldAcknowledgement();

        await writer.SendAsync(chair.Event(1, ControllerEventKind.CapOn, acknowledgement: ack));
        await ack.Done.WaitAsync(Timeouts.Limit);

        var stored = Assert.Single(writer.Store.Inputs);
        Assert.Null(stored.SessionId);
        Assert.Equal("CHAIR-09", stored.ControllerId);
    }

    /// <summary>At least the configured delay (the defaults would be 0.1 s and 0.5 s); the clock moves in steps, so a little more.</summary>
    private static void AssertBetween(TimeSpan delay, TimeSpan waited) =>
        Assert.InRange(waited, delay, delay + TimeSpan.FromSeconds(1));

    /// <summary>Moves the writer's clock on in small steps until <paramref name="condition"/> holds.</summary>
    private static Task AdvanceUntilAsync(WriterHarness writer, Func<bool> condition, string what) =>
        Timeouts.UntilAsync(() =>
        {
            if (condition())
            {
                return true;
            }

            writer.Clock.Advance(Step);
            return false;
        }, what);
}
