using InfusionSuite.Application.Nursing;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Tests;

/// <summary>A nurse hears "recorded" only once the action is stored; a refusal is answered at once and stores nothing.</summary>
public sealed class NurseReplyTests
{
    [Fact(Timeout = 30_000)]
    public async Task StartWhileItsCommitIsUnderway_IsAnsweredOnlyOnceStored()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-05", writer.Clock);
        writer.Store.Hold();

        var answer = writer.Nurse.StartSessionAsync(chair.Start("session-5"), Timeouts.Token());
        await Timeouts.UntilAsync(() => writer.Store.CommitAttempts == 1, "the commit to reach the store");

        Assert.False(answer.IsCompleted);
        Assert.Null(await writer.Store.LoadSessionAsync("session-5", Timeouts.Token()));
        writer.Store.Release();
        var result = await answer.WaitAsync(Timeouts.Limit);
        Assert.Equal(NurseActionOutcome.Accepted, result.Outcome);
        Assert.Equal(SessionStatus.Started, result.Record!.Status);
        Assert.NotNull(await writer.Store.LoadSessionAsync("session-5", Timeouts.Token()));
        var audit = Assert.Single(await writer.Store.AuditAsync("session-5", Timeouts.Token()));
        Assert.Equal("nurse-3", audit.NurseId);
    }

    [Fact(Timeout = 30_000)]
    public async Task RefusedAction_IsAnsweredWithoutWaitingForACommit_AndStoresNothing()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-06", writer.Clock);
        var started = await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token());
        var inputs = writer.Store.Inputs.Count;
        writer.Store.Hold();

        var result = await writer.Nurse.InfusionEndedAsync(started.SessionId!, "nurse-3", null, Timeouts.Token()).WaitAsync(Timeouts.Limit);

        Assert.Equal(NurseActionOutcome.Refused, result.Outcome);
        Assert.Equal(RefusalReason.InfusionNotStarted, result.Reason);
        Assert.Equal(inputs, writer.Store.Inputs.Count);
        Assert.Single(await writer.Store.AuditAsync(started.SessionId!, Timeouts.Token()));
    }

    [Fact(Timeout = 30_000)]
    public async Task SecondStartOnARunningChair_IsControllerInUse_NamingTheRunningSession()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-07", writer.Clock);
        var first = await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token());

        var second = await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token());

        Assert.Equal(NurseActionOutcome.ControllerInUse, second.Outcome);
        Assert.Equal(first.SessionId, second.SessionId);
    }

    [Fact(Timeout = 30_000)]
    public async Task StartWithATakenId_IsRefusedAsAlreadyStarted()
    {
        await using var writer = await WriterHarness.StartAsync();
        await writer.Nurse.StartSessionAsync(new Chair("CHAIR-08", writer.Clock).Start("session-8"), Timeouts.Token());

        var again = await writer.Nurse.StartSessionAsync(new Chair("CHAIR-18", writer.Clock).Start("session-8"), Timeouts.Token());

        Assert.Equal(NurseActionOutcome.Refused, again.Outcome);
        Assert.Equal(RefusalReason.SessionAlreadyStarted, again.Reason);
    }

    [Fact(Timeout = 30_000)]
    public async Task ActionOnAnUnknownSession_IsNotFound()
    {
        await using var writer = await WriterHarness.StartAsync();

        var result = await writer.Nurse.CapPlacedAsync("no-such-session", "nurse-3", null, Timeouts.Token());

        Assert.Equal(NurseActionOutcome.SessionNotFound, result.Outcome);
        Assert.Equal(0, writer.Store.CommitAttempts);
    }

    [Fact(Timeout = 30_000)]
    public async Task StoreFailsForGood_TheWaitingNurseGetsTheError_NotRecorded()
    {
        await using var writer = await WriterHarness.StartAsync(new Dictionary<string, string?> { ["Ingest:CommitRetryDelays:0"] = "00:00:00.001" });
        var chair = new Chair("CHAIR-09", writer.Clock);
        writer.Store.FailNext(2);

        var answer = writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token());
        await Timeouts.UntilAsync(() =>
        {
            writer.Clock.Advance(TimeSpan.FromMilliseconds(1));
            return answer.IsCompleted;
        }, "the answer");

        await Assert.ThrowsAsync<IOException>(() => answer);
        Assert.True(writer.State.HasFailed);
    }
}
