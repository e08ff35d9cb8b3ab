using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Application.Staff;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Hl7.Messages;
using InfusionSuite.Hl7.Outbox;
using InfusionSuite.Storage.Tests;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Hl7.Tests;

/// <summary>The HL7 dispatcher over the real SQLite outbox, sending to the real MLLP receiver (tests/hl7-peer).</summary>
public sealed class Hl7DispatcherTests
{
    private static readonly DateTimeOffset Nine = Sessions.Nine;

    [Fact]
    public async Task CompletedSession_EachMessageIsAcknowledgedOnce_AndMarkedSent()
    {
        await using var peer = await Hl7Peer.StartAsync();
        await using var fixture = await EndedSessionAsync(peer.Port, "d-1");

        await DispatchUntilSettledAsync(fixture);

        var items = await fixture.ItemsAsync();
        Assert.All(items, i => Assert.Equal(OutboxStatus.Sent, i.Status));
        Assert.All(items, i => Assert.StartsWith("AA", Assert.Single(i.Attempts).ServerMessage, StringComparison.Ordinal));
        var received = await peer.WaitForAsync(3);
        Assert.Equal(items.Select(i => StoredHl7Messages.Read(i.Payload).ControlId), received.Select(r => r.ControlId));
        Assert.Empty(received.SelectMany(r => r.Problems));
    }

    [Fact]
    public async Task ReceiverDownThenUp_EachMessageIsResentWithItsControlId_AndDeliveredOnce()
    {
        var port = FreePort.Next();
        await using var fixture = await EndedSessionAsync(port, "d-2");

        await fixture.Dispatcher.DispatchDueAsync(CancellationToken.None);
        var waiting = await fixture.ItemsAsync();
        Assert.All(waiting, i => Assert.Equal(OutboxStatus.Pending, i.Status));
        Assert.Equal([1, 1, 0], waiting.Select(i => i.Attempts.Count)); // the second charge waits behind the first
        Assert.Equal(OutboxAttemptOutcome.TransientFailure, waiting[0].Attempts[0].Outcome);

        await using var peer = await Hl7Peer.StartAsync(port);
        await DispatchUntilSettledAsync(fixture);

        var items = await fixture.ItemsAsync();
        Assert.All(items, i => Assert.Equal(OutboxStatus.Sent, i.Status));
        var received = await peer.WaitForAsync(3);
        Assert.Equal(ControlIds(items), received.Select(r => r.ControlId).Order());
        await fixture.Dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(3, peer.Received.Count);
    }

    [Fact]
    public async Task ErrorAnswer_ParksWithTheReceiversText_AndAfterAStaffRetryItIsDelivered()
    {
        var port = FreePort.Next();
        await using var fixture = await EndedSessionAsync(port, "d-3");
        await using (var refusing = await Hl7Peer.StartAsync(port, "ae"))
        {
            await DispatchUntilSettledAsync(fixture);
            Assert.Equal(2, (await refusing.WaitForAsync(2)).Count); // the documentation and the first charge; the second charge waits behind it
        }

        var parked = (await fixture.ItemsAsync()).Where(i => i.Status == OutboxStatus.Parked).ToList();
        Assert.Equal(2, parked.Count);
        Assert.All(parked, i => Assert.Equal(
            "The interface engine answered AE (error): Patient not found: MRN unknown to the interface | check PID-3 & resend",
            i.ParkedReason));

        await using var accepting = await Hl7Peer.StartAsync(port);
        foreach (var item in parked)
        {
            Assert.True(await fixture.Outbox.RequeueAsync(item.Id, fixture.Clock.GetUtcNow(), CancellationToken.None));
        }

        await DispatchUntilSettledAsync(fixture);

        var items = await fixture.ItemsAsync();
        Assert.All(items, i => Assert.Equal(OutboxStatus.Sent, i.Status));
        var received = await accepting.WaitForAsync(3);
        Assert.Equal(ControlIds(items), received.Select(r => r.ControlId).Order());
    }

    [Fact]
    public async Task RejectedCharge_StaffRecordItHandledOutside_TheChargeBehindItGoes_AndBothActionsAreAudited()
    {
        var port = FreePort.Next();
        await using var fixture = await EndedSessionAsync(port, "d-4");
        await using (var rejecting = await Hl7Peer.StartAsync(port, "ar"))
        {
            await DispatchUntilSettledAsync(fixture);
        }

        var parked = (await fixture.ItemsAsync()).Where(i => i.Status == OutboxStatus.Parked).ToList();
        Assert.Equal(["ORU^R01", "DFT^P03"], parked.Select(i => StoredHl7Messages.Read(i.Payload).MessageType));
        Assert.All(parked, i => Assert.StartsWith("The interface engine answered AR (rejected): Message rejected", i.ParkedReason, StringComparison.Ordinal));
        var actions = fixture.Services.GetRequiredService<ParkedItemActions>();

        await using var accepting = await Hl7Peer.StartAsync(port);
        Assert.True(await actions.MarkHandledOutsideAsync(parked[1].Id, "user-7", "keyed into the EHR by hand", CancellationToken.None));
        Assert.True(await actions.RetryAsync(parked[0].Id, "user-7", null, CancellationToken.None));
        Assert.False(await actions.RetryAsync(parked[1].Id, "user-7", null, CancellationToken.None)); // no longer parked
        await DispatchUntilSettledAsync(fixture);

        var items = await fixture.ItemsAsync();
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.HandledOutside, OutboxStatus.Sent], items.Select(i => i.Status));
        Assert.Equal(2, (await accepting.WaitForAsync(2)).Count);
        var audit = await fixture.Services.GetRequiredService<IStaffAccounts>().AuditAsync(10, CancellationToken.None);
        Assert.Equal(
            [(ParkedItemActions.RetryAction, "outbox item " + parked[0].Id, ""), (ParkedItemActions.HandledOutsideAction, "outbox item " + parked[1].Id, "keyed into the EHR by hand")],
            audit.Where(a => a.Actor == "user-7").Select(a => (a.Action, a.Subject, a.Detail)));
    }

    [Fact]
    public async Task VoidAfterAParkedCorrection_WaitsForIt_AndReachesTheReceiverAfterTheRetriedCorrection()
    {
        var port = FreePort.Next();
        await using var fixture = new Hl7StoreFixture(port);
        await fixture.OpenAsync();
        var (completed, voided) = Hl7Sessions.CompletedThenVoided("d-order");
        var messages = Hl7Sessions.Messages(time: fixture.Clock);
        var documentation = (ScalpCoolingSessionRecord r) => messages.Observations(r, Hl7Sessions.Context(r));
        await using (var accepting = await Hl7Peer.StartAsync(port))
        {
            await EnqueueAsync(fixture, OutboxItemKind.Session, documentation(completed));
            await DispatchUntilSettledAsync(fixture);
        }

        // The correction is refused and parks; the void made after it waits behind it (it never overtakes it).
        OutboxItem correction;
        await using (var refusing = await Hl7Peer.StartAsync(port, "ae"))
        {
            correction = await EnqueueAsync(fixture, OutboxItemKind.Correction, documentation(completed));
            await DispatchUntilSettledAsync(fixture);
        }

        await using var peer = await Hl7Peer.StartAsync(port);
        var voidItem = await EnqueueAsync(fixture, OutboxItemKind.Void, documentation(voided));
        await DispatchUntilSettledAsync(fixture);
        Assert.Equal(OutboxStatus.Parked, (await fixture.ItemsAsync()).Single(i => i.Id == correction.Id).Status);
        var waiting = (await fixture.ItemsAsync()).Single(i => i.Id == voidItem.Id);
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Empty(waiting.Attempts);

        Assert.True(await fixture.Services.GetRequiredService<ParkedItemActions>().RetryAsync(correction.Id, "user-7", null, CancellationToken.None));
        await DispatchUntilSettledAsync(fixture);

        Assert.All(await fixture.ItemsAsync(), i => Assert.Equal(OutboxStatus.Sent, i.Status));
        var received = await peer.WaitForAsync(2);
        Assert.Equal(
            [StoredHl7Messages.Read(correction.Payload).ControlId, StoredHl7Messages.Read(voidItem.Payload).ControlId],
            received.Select(r => r.ControlId));
    }

    [Fact]
    public async Task CreditOfAChargeThatNeverReachedTheEngine_IsNeverSent_NorIsTheChargeAfterIt()
    {
        var port = FreePort.Next();
        await using var fixture = new Hl7StoreFixture(port);
        await fixture.OpenAsync();
        var (completed, voided) = Hl7Sessions.CompletedThenVoided("d-credit-1");
        var messages = Hl7Sessions.Messages(time: fixture.Clock);
        List<OutboxItem> sent = [];
        await using (var refusing = await Hl7Peer.StartAsync(port, "ae"))
        {
            foreach (var message in messages.For(completed, Hl7Sessions.Context(completed)))
            {
                sent.Add(await EnqueueAsync(fixture, OutboxItemKind.Session, message, "d-credit-1"));
            }

            await DispatchUntilSettledAsync(fixture);
        }

        var credits = await VoidAsync(fixture, messages, voided, sent, "d-credit-1");
        await using var peer = await Hl7Peer.StartAsync(port);
        await DispatchUntilSettledAsync(fixture);
        var firstCredit = (await fixture.ItemsAsync()).Single(i => i.Id == credits[0].Id);
        Assert.Equal(OutboxStatus.Parked, firstCredit.Status);
        Assert.StartsWith("Not sent: this credit reverses the charge", firstCredit.ParkedReason, StringComparison.Ordinal);

        // Staff retry the refused charge of the voided session: it can no longer go after its credit.
        var actions = fixture.Services.GetRequiredService<ParkedItemActions>();
        Assert.True(await actions.RetryAsync(sent[1].Id, "user-7", null, CancellationToken.None));
        await DispatchUntilSettledAsync(fixture);

        var items = await fixture.ItemsAsync();
        Assert.True(OutboxOrder.IsOvertaken(items.Single(i => i.Id == sent[1].Id)));
        Assert.All(credits, c => Assert.Equal(OutboxStatus.Parked, items.Single(i => i.Id == c.Id).Status));
        Assert.DoesNotContain(peer.Received, r => r.ControlId.Length > 0 && items.Any(i => StoredHl7Messages.Read(i.Payload) is { IsCharge: true } m && m.ControlId == r.ControlId));
    }

    [Fact]
    public async Task CreditOfADeliveredCharge_GoesAtOnce_NotBehindAnUnrelatedParkedCharge()
    {
        var port = FreePort.Next();
        await using var fixture = new Hl7StoreFixture(port);
        await fixture.OpenAsync();
        var (completed, voided) = Hl7Sessions.CompletedThenVoided("d-credit-2");
        var messages = Hl7Sessions.Messages(time: fixture.Clock);
        var made = messages.For(completed, Hl7Sessions.Context(completed));
        Assert.Equal(3, made.Count); // the documentation, the per-session charge, the fitting
        List<OutboxItem> sent = [];
        await using (var accepting = await Hl7Peer.StartAsync(port))
        {
            sent.Add(await EnqueueAsync(fixture, OutboxItemKind.Session, made[0], "d-credit-2"));
            sent.Add(await EnqueueAsync(fixture, OutboxItemKind.Session, made[1], "d-credit-2"));
            await DispatchUntilSettledAsync(fixture);
        }

        await using (var refusing = await Hl7Peer.StartAsync(port, "ae"))
        {
            sent.Add(await EnqueueAsync(fixture, OutboxItemKind.Session, made[2], "d-credit-2"));
            await DispatchUntilSettledAsync(fixture);
        }

        Assert.Equal(OutboxStatus.Parked, (await fixture.ItemsAsync()).Single(i => i.Id == sent[2].Id).Status);
        var credits = await VoidAsync(fixture, messages, voided, sent, "d-credit-2");
        await using var peer = await Hl7Peer.StartAsync(port);
        await DispatchUntilSettledAsync(fixture);

        var items = await fixture.ItemsAsync();
        var delivered = credits.Single(c => StoredHl7Messages.Read(c.Payload).Posting!.Line.SameCharge(StoredHl7Messages.Read(sent[1].Payload).Posting!.Line));
        Assert.Equal(OutboxStatus.Sent, items.Single(i => i.Id == delivered.Id).Status);
        Assert.Equal(OutboxStatus.Parked, items.Single(i => i.Id == credits.Single(c => c.Id != delivered.Id).Id).Status);
        var received = await peer.WaitForAsync(1);
        Assert.Contains(StoredHl7Messages.Read(delivered.Payload).ControlId, received.Select(r => r.ControlId));
        Assert.Equal(1, received.Count(r => items.Any(i => StoredHl7Messages.Read(i.Payload) is { IsCharge: true } m && m.ControlId == r.ControlId)));
    }

    /// <summary>Enqueues the void's messages (made with what the session's DFTs charged) and returns its credits.</summary>
    private static async Task<List<OutboxItem>> VoidAsync(Hl7StoreFixture fixture, SessionMessages messages, ScalpCoolingSessionRecord voided, List<OutboxItem> earlier, string sessionId)
    {
        var context = Hl7Sessions.Context(voided) with { Charged = StoredHl7Messages.Charged(earlier.Select(i => i.Payload)) };
        var credits = new List<OutboxItem>();
        foreach (var message in messages.For(voided, context))
        {
            var item = await EnqueueAsync(fixture, OutboxItemKind.Void, message, sessionId);
            if (StoredHl7Messages.Read(item.Payload).Posting is { Credit: true })
            {
                credits.Add(item);
            }
        }

        Assert.Equal(earlier.Count(i => StoredHl7Messages.Read(i.Payload).IsCharge), credits.Count);
        return credits;
    }

    private static async Task<OutboxItem> EnqueueAsync(Hl7StoreFixture fixture, OutboxItemKind kind, Hl7OutgoingMessage message, string sessionId = "d-order")
    {
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var item = Hl7OutboxItems.Create(sessionId, kind, message, fixture.Clock.GetUtcNow());
        await fixture.Outbox.EnqueueAsync(item, CancellationToken.None);
        return item;
    }

    private static IEnumerable<string> ControlIds(IEnumerable<OutboxItem> items) => items.Select(i => StoredHl7Messages.Read(i.Payload).ControlId).Order();

    private static async Task<Hl7StoreFixture> EndedSessionAsync(int port, string sessionId)
    {
        var fixture = new Hl7StoreFixture(port);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        Hl7OutboxParticipantTests.Completed(new Sessions(batch) { PatientName = "Rivera, Ana" }, sessionId, "MRN-" + sessionId, Nine);
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        return fixture;
    }

    /// <summary>Passes of the dispatcher, the fake clock moved past every retry, until nothing is pending (or 20 passes).</summary>
    private static async Task DispatchUntilSettledAsync(Hl7StoreFixture fixture)
    {
        for (var pass = 0; pass < 20; pass++)
        {
            await fixture.Dispatcher.DispatchDueAsync(CancellationToken.None);
            if ((await fixture.ItemsAsync()).All(i => i.Status != OutboxStatus.Pending))
            {
                return;
            }

            fixture.Clock.Advance(TimeSpan.FromMinutes(20));
        }
    }
}
