using System.Net;
using System.Text.Json;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>Staff actions on a parked outbox item over REST: retry, handled outside, each audited with the user; not for engineers.</summary>
public sealed class OutboxApiTests : StationTest
{
    [Fact(Timeout = 30_000)]
    public async Task NurseRetriesOneParkedItem_AndRecordsAnotherAsHandledOutside_BothAudited()
    {
        var outbox = Host.Services.GetRequiredService<IOutbox>();
        var first = Parked("s-1");
        var second = Parked("s-2");
        await outbox.EnqueueAsync(first, CancellationToken.None);
        await outbox.EnqueueAsync(second, CancellationToken.None);
        using var nurse = Host.Client("alice");

        var (_, listed) = await nurse.GetJsonAsync("/api/outbox?status=Parked");
        Assert.Equal(2, listed.GetArrayLength());
        Assert.Equal("The interface engine answered AE (error): unknown MRN", listed[0].Text("parkedReason"));
        var (retried, _) = await nurse.PostAsync($"/api/outbox/{first.Id}/retry", new { note = "MRN fixed" });
        var (handled, _) = await nurse.PostAsync($"/api/outbox/{second.Id}/handled-outside", new { note = "posted by hand" });
        var (again, _) = await nurse.PostAsync($"/api/outbox/{second.Id}/retry");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict), (retried.StatusCode, handled.StatusCode, again.StatusCode));
        var items = await outbox.ListAsync(new OutboxQuery(), CancellationToken.None);
        Assert.Equal(OutboxStatus.Pending, items.Single(i => i.Id == first.Id).Status);
        Assert.Equal(OutboxStatus.HandledOutside, items.Single(i => i.Id == second.Id).Status);
        var audit = await Host.Services.GetRequiredService<IStaffAccounts>().AuditAsync(20, CancellationToken.None);
        var alice = Host.Users["alice"].UserId;
        Assert.Equal(
            [(alice, ParkedItemActions.HandledOutsideAction, "posted by hand"), (alice, ParkedItemActions.RetryAction, "MRN fixed")],
            audit.Where(a => a.Action.StartsWith("outbox-", StringComparison.Ordinal)).Select(a => (a.Actor, a.Action, a.Detail)));
    }

    [Fact(Timeout = 30_000)]
    public async Task RetryOfAnItemANewerOneOvertook_IsRefusedWith409NamingTheNewerItem_AndTheSessionPageOffersOnlyHandledOutside()
    {
        var outbox = Host.Services.GetRequiredService<IOutbox>();
        var newer = Parked("s-4") with { Kind = OutboxItemKind.Void, Status = OutboxStatus.Sent };
        var overtaken = Parked("s-4") with { Kind = OutboxItemKind.Correction, Reason = OutboxOrder.OvertakenReason(newer) };
        await outbox.EnqueueAsync(overtaken, CancellationToken.None);
        await outbox.EnqueueAsync(newer, CancellationToken.None);
        using var nurse = Host.Client("alice");

        var (refused, problem) = await nurse.PostAsync($"/api/outbox/{overtaken.Id}/retry");
        var (_, page) = await nurse.GetJsonAsync("/api/sessions/s-4/fhir");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"(Void, {newer.Id:D})", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Parked, (await outbox.ListAsync(new OutboxQuery(SessionId: "s-4"), CancellationToken.None)).Single(i => i.Id == overtaken.Id).Status);
        Assert.False(page.EnumerateArray().Single(i => i.Text("id") == overtaken.Id.ToString("D")).GetProperty("retryable").GetBoolean());
    }

    [Fact(Timeout = 30_000)]
    public async Task HandledOutsideWithoutSayingWhatWasDone_IsRefusedNamingTheNote_AndTheItemStaysParked()
    {
        var outbox = Host.Services.GetRequiredService<IOutbox>();
        var item = Parked("s-5");
        await outbox.EnqueueAsync(item, CancellationToken.None);
        using var nurse = Host.Client("alice");

        var (bare, problem) = await nurse.PostAsync($"/api/outbox/{item.Id}/handled-outside");
        var (blank, _) = await nurse.PostAsync($"/api/outbox/{item.Id}/handled-outside", new { note = "  " });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (bare.StatusCode, blank.StatusCode));
        Assert.Equal(ParkedItemActions.NoteRequired, problem.GetProperty("errors").GetProperty("note")[0].GetString());
        Assert.Equal(OutboxStatus.Parked, (await outbox.ListAsync(new OutboxQuery(SessionId: "s-5"), CancellationToken.None)).Single().Status);
        var audit = await Host.Services.GetRequiredService<IStaffAccounts>().AuditAsync(20, CancellationToken.None);
        Assert.DoesNotContain(audit, a => a.Action == ParkedItemActions.HandledOutsideAction);
    }

    /// <summary>Issue 14's trial: a pending item's "waiting for" came back as its "parked reason" (one column in storage).</summary>
    [Fact(Timeout = 30_000)]
    public async Task PendingItemWaitingForAnother_ListsWhatItWaitsFor_NotAParkedReason()
    {
        var outbox = Host.Services.GetRequiredService<IOutbox>();
        var waiting = Parked("s-6") with { Status = OutboxStatus.Pending, Reason = "Waits for the session's earlier item, parked for staff." };
        var parked = Parked("s-6");
        await outbox.EnqueueAsync(waiting, CancellationToken.None);
        await outbox.EnqueueAsync(parked, CancellationToken.None);
        using var nurse = Host.Client("alice");

        var (_, listed) = await nurse.GetJsonAsync("/api/outbox?sessionId=s-6");

        var pending = listed.EnumerateArray().Single(i => i.Text("id") == waiting.Id.ToString("D"));
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("parkedReason").ValueKind);
        Assert.Equal("Waits for the session's earlier item, parked for staff.", pending.Text("waitingFor"));
        var atStaff = listed.EnumerateArray().Single(i => i.Text("id") == parked.Id.ToString("D"));
        Assert.Equal("The interface engine answered AE (error): unknown MRN", atStaff.Text("parkedReason"));
        Assert.Equal(JsonValueKind.Null, atStaff.GetProperty("waitingFor").ValueKind);
    }

    [Fact(Timeout = 30_000)]
    public async Task Engineer_CannotActOnTheOutbox()
    {
        var item = Parked("s-3");
        await Host.Services.GetRequiredService<IOutbox>().EnqueueAsync(item, CancellationToken.None);
        using var engineer = Host.Client("eve");

        var (response, _) = await engineer.PostAsync($"/api/outbox/{item.Id}/retry");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(OutboxStatus.Parked, (await Host.Services.GetRequiredService<IOutbox>().ListAsync(new OutboxQuery(), CancellationToken.None)).Single().Status);
    }

    private OutboxItem Parked(string sessionId) => new()
    {
        Id = Guid.CreateVersion7(Clock.GetUtcNow()),
        SessionId = sessionId,
        Kind = OutboxItemKind.Session,
        ContentType = "x-application/hl7-v2+er7",
        Payload = "MSH|^~\\&|INFUSIONSUITE\r",
        EnqueuedAt = Clock.GetUtcNow(),
        NextAttemptAt = Clock.GetUtcNow(),
        Status = OutboxStatus.Parked,
        Reason = "The interface engine answered AE (error): unknown MRN",
    };
}
