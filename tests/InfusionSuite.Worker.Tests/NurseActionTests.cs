using InfusionSuite.Application.Board;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Worker.Tests;

/// <summary>Nurse actions through the application service: validated by the domain, stored with an audit row, refusals store nothing.</summary>
public sealed class NurseActionTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 30_000)]
    public async Task RefusedAction_ReturnsTheDomainReasonAndStoresNothing()
    {
        using var db = new TempDatabase();
        await using var worker = await WorkerHost.StartAsync(Settings.For(db.Path), new FakeTimeProvider(Nine));
        var started = await worker.Nurse.StartSessionAsync(Start("CHAIR-41"), Wait.Token());
        Assert.Equal(NurseActionOutcome.Accepted, started.Outcome);
        var inputs = await StoredRows.ScalarAsync(db.Path, "SELECT count(*) FROM session_inputs");

        var refused = await worker.Nurse.InfusionEndedAsync(started.SessionId!, "nurse-2", null, Wait.Token());

        Assert.Equal(NurseActionOutcome.Refused, refused.Outcome);
        Assert.Equal(RefusalReason.InfusionNotStarted, refused.Reason);
        Assert.Equal(inputs, await StoredRows.ScalarAsync(db.Path, "SELECT count(*) FROM session_inputs"));
        Assert.Equal(1, await StoredRows.ScalarAsync(db.Path, "SELECT count(*) FROM nurse_audit"));
    }

    [Fact(Timeout = 30_000)]
    public async Task NurseOnlySession_IsStoredWithAnAuditRowPerActionAndBothTimes()
    {
        using var db = new TempDatabase();
        var clock = new FakeTimeProvider(Nine);
        await using var worker = await WorkerHost.StartAsync(Settings.For(db.Path), clock);
        var id = (await worker.Nurse.StartSessionAsync(Start("CHAIR-42"), Wait.Token())).SessionId!;
        Assert.Equal(NurseActionOutcome.ControllerInUse, (await worker.Nurse.StartSessionAsync(Start("CHAIR-42"), Wait.Token())).Outcome);

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await worker.Nurse.CapPlacedAsync(id, "nurse-2", null, Wait.Token())).IsAccepted);
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.True((await worker.Nurse.InfusionStartedAsync(id, "nurse-2", Nine.AddMinutes(35), Wait.Token())).IsAccepted);
        clock.Advance(TimeSpan.FromMinutes(60));
        Assert.True((await worker.Nurse.InfusionEndedAsync(id, "nurse-2", null, Wait.Token())).IsAccepted);
        Assert.True((await worker.Nurse.RecordToleranceAsync(id, "nurse-2", 3, null, Wait.Token())).IsAccepted);
        clock.Advance(TimeSpan.FromMinutes(90));
        var removed = await worker.Nurse.CapRemovedAsync(id, "nurse-2", null, Wait.Token());

        Assert.True(removed.IsAccepted, removed.Message);
        Assert.Equal(SessionStatus.Completed, removed.Record!.Status);
        Assert.Equal(TimeSpan.FromMinutes(30), removed.Record.Phase(SessionPhase.PreCooling)!.Duration);
        var detail = (await worker.Board.SessionAsync(id, Wait.Token()))!;
        Assert.Equal(6, detail.Audit.Count);
        var late = Assert.Single(detail.Audit, a => a.Action == NurseActionKind.InfusionStarted);
        Assert.Equal(Nine.AddMinutes(36), late.EnteredAt);
        Assert.Equal(Nine.AddMinutes(35), late.EffectiveAt);
        Assert.Equal(SessionStatus.PreCooling, late.StatusBefore);
        Assert.Equal(SessionStatus.Infusing, late.StatusAfter);
        Assert.Equal((long)(int)SessionStatus.Completed, await StoredRows.ScalarAsync(db.Path, "SELECT status FROM sessions"));
        await Assert.ThrowsAnyAsync<Exception>(() => StoredRows.ScalarAsync(db.Path, "DELETE FROM nurse_audit"));
    }

    [Fact(Timeout = 30_000)]
    public async Task UnknownSessionOrPreset_AreAnsweredWithoutStoring()
    {
        using var db = new TempDatabase();
        await using var worker = await WorkerHost.StartAsync(Settings.For(db.Path), new FakeTimeProvider(Nine));
        Assert.Equal(NurseActionOutcome.SessionNotFound, (await worker.Nurse.CapPlacedAsync("nope", "nurse-2", null, Wait.Token())).Outcome);
        Assert.Equal(NurseActionOutcome.InvalidRequest, (await worker.Nurse.StartSessionAsync(Start("CHAIR-43") with { RegimenPreset = "Unknown" }, Wait.Token())).Outcome);
        Assert.Equal(0, await StoredRows.ScalarAsync(db.Path, "SELECT count(*) FROM sessions"));
    }

    [Fact(Timeout = 30_000)]
    public async Task PreCoolingTarget_RaisesAPromptOnTheClockWithoutTelemetry()
    {
        using var db = new TempDatabase();
        var clock = new FakeTimeProvider(Nine);
        await using var worker = await WorkerHost.StartAsync(Settings.For(db.Path), clock);
        using var listening = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var prompts = worker.Notifications.SubscribeAsync(listening.Token).OfType<PromptDue>().FirstAsync(listening.Token);
        var id = (await worker.Nurse.StartSessionAsync(Start("CHAIR-44"), Wait.Token())).SessionId!;
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await worker.Nurse.CapPlacedAsync(id, "nurse-2", null, Wait.Token())).IsAccepted);

        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        Assert.False(prompts.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(30));
        var prompt = await prompts;

        Assert.Equal(SessionPrompt.PreCoolingTargetReached, prompt.Prompt);
        Assert.Equal(id, prompt.SessionId);
        Assert.Equal(Nine.AddMinutes(32), prompt.At);
    }

    private static StartSessionRequest Start(string chair) => new(
        "nurse-1", chair, "course-" + chair, "patient-" + chair, new ChemoAdministration("ma-1", "96413"), RegimenPreset: "Standard", ConfirmUnheardController: true);
}
