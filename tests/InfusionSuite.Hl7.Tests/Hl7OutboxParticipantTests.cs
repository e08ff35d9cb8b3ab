using InfusionSuite.Application.Ehr;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using InfusionSuite.Hl7.Outbox;
using InfusionSuite.Storage.Tests;

namespace InfusionSuite.Hl7.Tests;

/// <summary>The HL7 participant inside the real store's batch transaction, on a real file.</summary>
public sealed class Hl7OutboxParticipantTests
{
    private static readonly DateTimeOffset Nine = Sessions.Nine;

    [Fact]
    public async Task CompletedSession_OneOruAndOneDftPerBilledCode_AreWrittenWithTheEnd()
    {
        await using var fixture = new Hl7StoreFixture();
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        Completed(new Sessions(batch) { PatientName = "Rivera, Ana" }, "h-1", "MRN-1", Nine);

        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var items = await fixture.ItemsAsync();
        Assert.All(items, i => Assert.Equal((Hl7OutboxItems.ContentType, OutboxItemKind.Session, OutboxStatus.Pending, "h-1"), (i.ContentType, i.Kind, i.Status, i.SessionId)));
        var messages = items.Select(i => StoredHl7Messages.Read(i.Payload)).ToList();
        Assert.Equal(["ORU^R01", "DFT^P03", "DFT^P03"], messages.Select(m => m.MessageType));
        Assert.Equal([("0663T", "CG"), ("0662T", "CG")], messages.Skip(1).Select(m => (m.Posting!.Line.Code, m.Posting.TransactionType)));
        Assert.Equal(3, messages.Select(m => m.ControlId).Distinct().Count());
        var oru = items[0].Payload;
        Assert.All(Hl7Text.All(oru, "OBX"), o => Assert.Equal("F", Hl7Text.Field(o, 11)));
        var pid = Hl7Text.Segment(oru, "PID");
        Assert.Equal("MRN-1", Hl7Text.Field(pid, 3).Split('^')[0]);
        Assert.Equal("Rivera^Ana", Hl7Text.Field(pid, 5));
    }

    [Fact]
    public async Task AFailingBatch_RollsBackTheEndAndItsMessagesTogether()
    {
        await using var fixture = new Hl7StoreFixture();
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        Completed(build, "h-2", "MRN-2", Nine);
        build.Start("h-2", "CHAIR-X", Nine); // the same session id twice: the batch fails after the participant ran

        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Store.CommitAsync(batch, CancellationToken.None));

        Assert.Empty(await fixture.ItemsAsync());
    }

    [Fact]
    public async Task VoidAfterTheEnd_WithdrawsTheDocumentationAndCreditsEachCharge_VoidBeforeTheEnd_SendsNothing()
    {
        await using var fixture = new Hl7StoreFixture();
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        var ended = Completed(build, "h-3", "MRN-3", Nine);
        var open = build.Start("h-4", "CHAIR-4", Nine, "MRN-4");
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        batch.Clear();

        build.Nurse(ended, new VoidSession(Nine.AddHours(5), "nurse-2", VoidReason.WrongPatient));
        build.Nurse(open, new VoidSession(Nine.AddHours(5), "nurse-2", VoidReason.WrongChair));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        Assert.Empty(await fixture.ItemsAsync("h-4"));
        var voids = (await fixture.ItemsAsync("h-3")).Skip(3).ToList();
        Assert.All(voids, i => Assert.Equal(OutboxItemKind.Void, i.Kind));
        Assert.All(Hl7Text.All(voids[0].Payload, "OBX"), o => Assert.Equal("W", Hl7Text.Field(o, 11)));
        Assert.Equal(
            [("0663T", "CD"), ("0662T", "CD")],
            voids.Skip(1).Select(i => StoredHl7Messages.Read(i.Payload).Posting!).Select(p => (p.Line.Code, p.TransactionType)));
    }

    [Fact]
    public async Task FirstSessionOfTheDateVoided_ItsChargeMovesToTheSecond_CreditBeforeTheNewCharge()
    {
        await using var fixture = new Hl7StoreFixture();
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        var first = Completed(build, "h-5", "MRN-5", Nine, course: "course-5");
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        batch.Clear();
        Completed(build, "h-6", "MRN-5", Nine.AddHours(4), course: "course-5");
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        batch.Clear();

        var second = await fixture.ItemsAsync("h-6");
        Assert.Equal(["ORU^R01"], second.Select(i => StoredHl7Messages.Read(i.Payload).MessageType)); // one 0663T per date: held, not sent

        build.Nurse(first, new VoidSession(Nine.AddHours(6), "nurse-2", VoidReason.WrongPatient));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var credits = (await fixture.ItemsAsync("h-5")).Where(i => i.Kind == OutboxItemKind.Void).Select(i => StoredHl7Messages.Read(i.Payload).Posting).OfType<Messages.ChargePosting>();
        Assert.All(credits, c => Assert.True(c.Credit));
        var moved = (await fixture.ItemsAsync("h-6")).Skip(1).ToList();
        Assert.NotEmpty(moved);
        Assert.All(moved, i => Assert.Equal(OutboxItemKind.Correction, i.Kind));
        Assert.Contains(moved, i => StoredHl7Messages.Read(i.Payload).Posting is { Credit: false, Line.Code: "0663T" });
        var all = (await fixture.ItemsAsync()).ToList();
        Assert.True(
            all.FindIndex(i => i.SessionId == "h-5" && i.Kind == OutboxItemKind.Void) < all.FindIndex(i => i.SessionId == "h-6" && i.Kind == OutboxItemKind.Correction),
            "the credit of the voided session is written before the moved charge");
    }

    [Fact]
    public async Task ToleranceDocumentedAfterTheEnd_SendsTheCorrectedOru_AndNoChargeAgain()
    {
        await using var fixture = new Hl7StoreFixture();
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        var session = Completed(build, "h-8", "MRN-8", Nine);
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        batch.Clear();

        build.Nurse(session, new RecordTolerance(Nine.AddHours(4), "nurse-2", 3));
        batch.AddChangedAfterEnd(session.ToRecord()); // as the writer does for documentation after the end
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var correction = Assert.Single((await fixture.ItemsAsync("h-8")).Skip(3));
        Assert.Equal(OutboxItemKind.Correction, correction.Kind);
        Assert.Equal("ORU^R01", StoredHl7Messages.Read(correction.Payload).MessageType);
        Assert.Equal("C", Hl7Text.Field(Hl7Text.Segment(correction.Payload, "OBR"), 25));
        var obx = Hl7Text.All(correction.Payload, "OBX").ToList();
        Assert.All(obx, o => Assert.Equal("C", Hl7Text.Field(o, 11)));
        Assert.Contains(obx, o => Hl7Text.Field(o, 3).StartsWith("ISC-TOLERANCE^", StringComparison.Ordinal) && Hl7Text.Field(o, 5) == "3");
    }

    [Fact]
    public async Task WhatTheNurseWrote_ReachesTheOruNote_AsTheFhirProcedureNoteCarriesIt()
    {
        await using var fixture = new Hl7StoreFixture();
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        var session = build.Start("h-9", "CHAIR-h-9", Nine, "MRN-9", "MedicationAdministration/ma-1", "V-h-9");
        build.Nurse(session, new PlaceCap(Nine.AddMinutes(1), "nurse-1"));
        build.Nurse(session, new StartInfusion(Nine.AddMinutes(31), "nurse-1"));
        build.Nurse(session, new RecordAdverseEvent(Nine.AddMinutes(40), "nurse-1", AdverseEventKind.Other, Details: "rash on the neck"));
        build.Nurse(session, new RecordTolerance(Nine.AddMinutes(50), "nurse-1", 7));
        build.Nurse(session, new EndInfusion(Nine.AddMinutes(91), "nurse-1"));
        build.Nurse(session, new RemoveCap(Nine.AddMinutes(181), "nurse-1"));

        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var oru = (await fixture.ItemsAsync("h-9"))[0].Payload;
        var note = Hl7Text.Field(Assert.Single(Hl7Text.All(oru, "OBX"), o => Hl7Text.Field(o, 3).StartsWith("ISC-NOTE^", StringComparison.Ordinal)), 5);
        Assert.Equal(SessionSummaryText.For(session.ToRecord()), note); // the one text FHIR's Procedure.note carries
        Assert.Contains("other: rash on the neck", note, StringComparison.Ordinal);
        Assert.Contains("Tolerance 7/10.", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hl7Off_NothingIsWritten()
    {
        await using var fixture = new Hl7StoreFixture(enabled: false);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        Completed(new Sessions(batch), "h-7", "MRN-7", Nine);

        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        Assert.Empty(await fixture.ItemsAsync());
    }

    /// <summary>Start, cap placed, 30 min pre-cooling, 60 min infusion, 90 min post-cooling, cap removed: completed (first of its course).</summary>
    internal static ScalpCoolingSession Completed(Sessions build, string sessionId, string patient, DateTimeOffset start, string? course = null)
    {
        var session = build.Start(sessionId, "CHAIR-" + sessionId, start, patient, "MedicationAdministration/ma-1", "V-" + sessionId, course);
        build.Nurse(session, new PlaceCap(start.AddMinutes(1), "nurse-1"));
        build.Nurse(session, new StartInfusion(start.AddMinutes(31), "nurse-1"));
        build.Nurse(session, new EndInfusion(start.AddMinutes(91), "nurse-1"));
        build.Nurse(session, new RemoveCap(start.AddMinutes(181), "nurse-1"));
        Assert.Equal(SessionStatus.Completed, session.Status);
        return session;
    }
}
