using InfusionSuite.Application.Billing;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Host.Commands;
using InfusionSuite.Hl7.Outbox;
using InfusionSuite.Hl7.Tests;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;
using static InfusionSuite.Hl7.Tests.PeerReceived;

namespace InfusionSuite.Worker.Tests.Delivery;

/// <summary>
/// Nurse actions → the worker (real SQLite file) → the session's end and its HL7 v2 messages in one
/// transaction → the HL7 dispatcher → the test interface engine (tests/hl7-peer: @medplum/hl7's MLLP
/// server, dictionary-checked by hl7v2): one ORU^R01 and one DFT^P03 per billed code, delivered once
/// across an outage, refusals parked for staff and retried from the command line, voids credited,
/// a moved charge credited before it is charged again, corrections after the end, delimiters intact.
/// </summary>
public sealed class Hl7DeliveryTests
{
    private const double Scale = 1000;

    /// <summary>A patient's name as typed at the start, with every HL7 delimiter in it.</summary>
    private const string TypedName = @"O'Brien|Smith ^ ~ \ &, Ana";

    [Fact(Timeout = 120_000)]
    public async Task CompletedSession_OneOruAndOneDftPerBilledCode_ArriveOnce_ThenItsVoidCreditsThem()
    {
        await using var peer = await Hl7Peer.StartAsync();
        using var db = new TempDatabase();
        await using var worker = await WorkerHost.StartAsync(Hl7(db.Path, peer.Port), new ScaledTimeProvider(Scale, Scenarios.Start));

        var sessionId = await CompletedAsync(worker, "MRN-H1", "H1", firstOfCourse: true);
        var billed = await BilledCodesAsync(worker, sessionId);
        var delivered = await AllSentAsync(worker, sessionId, 1 + billed.Count);

        var received = await peer.WaitForAsync(delivered.Count);
        Assert.Empty(received.SelectMany(r => r.Problems));
        Assert.Equal(delivered.Select(i => StoredHl7Messages.Read(i.Payload).ControlId), received.Select(r => r.ControlId));
        Assert.Equal(["ORU^R01", .. billed.Select(_ => "DFT^P03")], received.Select(r => r.MessageType));
        var oru = received[0];
        Assert.Equal(sessionId, Value(oru.One("OBR"), 20));
        Assert.Equal(22, Value(oru.One("OBR"), 3).Length); // a digest of the 32-character session id: the field holds 22
        Assert.Equal(("MRN-H1", @"O'Brien|Smith ^ ~ \ &", "Ana"), (Value(oru.One("PID"), 3), Value(oru.One("PID"), 5, 1), Value(oru.One("PID"), 5, 2)));
        Assert.All(oru.All("OBX"), o => Assert.Equal("F", Value(o, 11)));
        Assert.Equal(billed, received.Skip(1).Select(r => Value(r.One("FT1"), 7)));
        Assert.All(received.Skip(1), r => Assert.Equal("CG", Value(r.One("FT1"), 6)));

        Assert.True((await worker.Nurse.VoidAsync(sessionId, "nurse-8", VoidReason.WrongPatient, null, Wait.Token())).IsAccepted);
        await AllSentAsync(worker, sessionId, 2 * (1 + billed.Count));

        var voids = (await peer.WaitForAsync(2 * delivered.Count)).Skip(delivered.Count).ToList();
        Assert.All(voids[0].All("OBX"), o => Assert.Equal("W", Value(o, 11)));
        Assert.Equal(billed.Select(c => (c, "CD")), voids.Skip(1).Select(r => (Value(r.One("FT1"), 7), Value(r.One("FT1"), 6))));
    }

    [Fact(Timeout = 120_000)]
    public async Task ReceiverDownThenUp_EachMessageIsDeliveredOnce_WithTheControlIdItWasMadeWith()
    {
        var port = FreePort.Next();
        using var db = new TempDatabase();
        await using var worker = await WorkerHost.StartAsync(Hl7(db.Path, port), new ScaledTimeProvider(Scale, Scenarios.Start));
        var sessionId = await CompletedAsync(worker, "MRN-H2", "H2");
        var outbox = worker.Services.GetRequiredService<IOutbox>();
        await Wait.UntilAsync(async () => (await ItemsAsync(outbox, sessionId)).Any(i => i.Attempts.Count >= 2), "two failed attempts while the engine is down");

        await using var peer = await Hl7Peer.StartAsync(port);
        var delivered = await AllSentAsync(worker, sessionId, 1 + (await BilledCodesAsync(worker, sessionId)).Count);

        var received = await peer.WaitForAsync(delivered.Count);
        Assert.Equal(delivered.Select(i => StoredHl7Messages.Read(i.Payload).ControlId).Order(), received.Select(r => r.ControlId).Order());
        Assert.All(delivered, i => Assert.Equal(OutboxAttemptOutcome.Sent, i.Attempts[^1].Outcome));
        Assert.Contains(delivered, i => i.Attempts.Count >= 2 && i.Attempts.SkipLast(1).All(a => a.Outcome == OutboxAttemptOutcome.TransientFailure));
    }

    [Fact(Timeout = 120_000)]
    public async Task ErrorAnswer_ParkedWithTheReceiversText_RetriedByStaffFromTheCommandLine_Delivered()
    {
        var port = FreePort.Next();
        using var db = new TempDatabase();
        await using var worker = await WorkerHost.StartAsync(Hl7(db.Path, port), new ScaledTimeProvider(Scale, Scenarios.Start));
        worker.ExpectErrors("refused with AE");
        var outbox = worker.Services.GetRequiredService<IOutbox>();
        string sessionId;
        OutboxItem parked;
        await using (await Hl7Peer.StartAsync(port, "ae"))
        {
            sessionId = await CompletedAsync(worker, "MRN-H3", "H3");
            parked = await Wait.ForAsync(async () => (await ItemsAsync(outbox, sessionId)).FirstOrDefault(i => i.Status == OutboxStatus.Parked), "the ORU^R01 parked");
        }

        Assert.Equal("The interface engine answered AE (error): Patient not found: MRN unknown to the interface | check PID-3 & resend", parked.ParkedReason);
        await using var peer = await Hl7Peer.StartAsync(port);
        foreach (var item in (await ItemsAsync(outbox, sessionId)).Where(i => i.Status == OutboxStatus.Parked))
        {
            Assert.Equal(0, await HostCommandLine.InvokeAsync(["outbox", "retry", item.Id.ToString("D"), "--note", "MRN fixed in the EHR", "--Storage:DatabasePath=" + db.Path], CommandConsole.Standard));
        }

        var delivered = await AllSentAsync(worker, sessionId, 1 + (await BilledCodesAsync(worker, sessionId)).Count);
        Assert.Equal(delivered.Select(i => StoredHl7Messages.Read(i.Payload).ControlId).Order(), (await peer.WaitForAsync(delivered.Count)).Select(r => r.ControlId).Order());
        Assert.Equal(StoredHl7Messages.Read(parked.Payload).ControlId, StoredHl7Messages.Read(delivered.Single(i => i.Id == parked.Id).Payload).ControlId);
    }

    [Fact(Timeout = 120_000)]
    public async Task FirstSessionOfTheDateVoided_ItsChargeIsCreditedAndTheSecondSessionIsCharged_InThatOrder()
    {
        await using var peer = await Hl7Peer.StartAsync();
        using var db = new TempDatabase();
        await using var worker = await WorkerHost.StartAsync(Hl7(db.Path, peer.Port), new ScaledTimeProvider(Scale, Scenarios.Start));
        var first = await CompletedAsync(worker, "MRN-H4", "H4A", course: "course-H4");
        var second = await CompletedAsync(worker, "MRN-H4", "H4B", course: "course-H4");
        Assert.Contains("97008", await BilledCodesAsync(worker, first));
        Assert.DoesNotContain("97008", await BilledCodesAsync(worker, second)); // one 97008 per date (the code in force in 2026): held, not sent
        await AllSentAsync(worker, second, 1);

        Assert.True((await worker.Nurse.VoidAsync(first, "nurse-8", VoidReason.WrongPatient, null, Wait.Token())).IsAccepted);
        await Wait.UntilAsync(async () => (await ItemsAsync(worker.Services.GetRequiredService<IOutbox>(), second)).Count(i => i.Status == OutboxStatus.Sent) == 2, "the moved charge sent");

        var received = peer.Received.Where(r => r.MessageType == "DFT^P03").Select(r => (Value(r.One("FT1"), 7), Value(r.One("FT1"), 6))).ToList();
        var credit = received.IndexOf(("97008", "CD"));
        Assert.True(credit >= 0 && received.LastIndexOf(("97008", "CG")) > credit, "the credit of the voided session arrives before the new charge: " + string.Join(", ", received));
        Assert.Contains(await BilledCodesAsync(worker, second), c => c == "97008");
    }

    [Fact(Timeout = 120_000)]
    public async Task ToleranceDocumentedAfterTheEnd_ArrivesAsACorrection()
    {
        await using var peer = await Hl7Peer.StartAsync();
        using var db = new TempDatabase();
        await using var worker = await WorkerHost.StartAsync(Hl7(db.Path, peer.Port), new ScaledTimeProvider(Scale, Scenarios.Start));
        var sessionId = await CompletedAsync(worker, "MRN-H5", "H5");
        var count = 1 + (await BilledCodesAsync(worker, sessionId)).Count;
        await AllSentAsync(worker, sessionId, count);

        Assert.True((await worker.Nurse.RecordToleranceAsync(sessionId, "nurse-3", 4, null, Wait.Token())).IsAccepted);
        await AllSentAsync(worker, sessionId, count + 1);

        var correction = (await peer.WaitForAsync(count + 1))[count];
        Assert.Equal("ORU^R01", correction.MessageType);
        Assert.Equal("C", Value(correction.One("OBR"), 25));
        Assert.Contains(correction.All("OBX"), o => Value(o, 3) == "ISC-TOLERANCE" && Value(o, 5) == "4" && Value(o, 11) == "C");
    }

    private static Dictionary<string, string?> Hl7(string databasePath, int port) => Hl7Worker.Settings(databasePath, port);

    private static Task<string> CompletedAsync(WorkerHost worker, string patient, string chair, bool firstOfCourse = false, string? course = null) =>
        Hl7Worker.CompletedAsync(worker, patient, chair, TypedName, firstOfCourse, course);

    /// <summary>The codes billing decides are billable for the session now (the one billing answer; not decided here).</summary>
    private static async Task<IReadOnlyList<string>> BilledCodesAsync(WorkerHost worker, string sessionId)
    {
        var stored = (await worker.Services.GetRequiredService<IIngestStore>().LoadSessionAsync(sessionId, Wait.Token()))!;
        var record = ScalpCoolingSession.Replay(stored.Policy, stored.Log);
        var billing = await worker.Services.GetRequiredService<SessionBillingQuery>().ForSessionAsync(record, worker.Services.GetRequiredService<IPatientCourses>(), Wait.Token());
        return [.. billing.Decisions.Where(d => d.Billable).Select(d => d.Code)];
    }

    private static Task<IReadOnlyList<OutboxItem>> ItemsAsync(IOutbox outbox, string sessionId) => Hl7Worker.ItemsAsync(outbox, sessionId);

    private static Task<IReadOnlyList<OutboxItem>> AllSentAsync(WorkerHost worker, string sessionId, int count) => Hl7Worker.AllSentAsync(worker, sessionId, count);
}
