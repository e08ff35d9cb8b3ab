using Hl7.Fhir.Model;
using InfusionSuite.Application.Billing;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Task = System.Threading.Tasks.Task;

namespace InfusionSuite.Worker.Tests.Delivery;

/// <summary>
/// One billing decision over the patient's date of service and course, end to end: nurse actions
/// through the application's API, the writer, SQLite and the outbox. Each charge whose status changes
/// goes out again as a correction (issue 12's two failing cases, and the void of a calibrating session).
/// </summary>
public sealed class BillingDecisionTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The visit a start carries unless a test leaves it out (a charge without one is held: billing.md §5).</summary>
    private const string Visit = "Encounter/e-visit";

    [Fact(Timeout = 60_000)]
    public async Task SessionPlacedFirstStillCooling_LaterSessionEndingFirst_OnlyTheFirstPlacedIsBillable()
    {
        using var db = new TempDatabase();
        var clock = new FakeTimeProvider(Nine);
        await using var worker = await WorkerHost.StartAsync(Settings.For(db.Path), clock);
        var a = await StartAsync(worker, "CHAIR-61", "A", "MRN-61", firstOfCourse: true);
        await Accepted(worker.Nurse.CapPlacedAsync(a, "nurse-1", null, Wait.Token()));
        clock.Advance(TimeSpan.FromMinutes(5));
        var b = await StartAsync(worker, "CHAIR-62", "B", "MRN-61");
        await Accepted(worker.Nurse.CapPlacedAsync(b, "nurse-1", null, Wait.Token()));
        clock.Advance(TimeSpan.FromMinutes(30));
        await Accepted(worker.Nurse.InfusionStartedAsync(a, "nurse-1", null, Wait.Token()));
        await Accepted(worker.Nurse.InfusionStartedAsync(b, "nurse-1", null, Wait.Token()));
        clock.Advance(TimeSpan.FromMinutes(30));
        await Accepted(worker.Nurse.InfusionEndedAsync(b, "nurse-1", null, Wait.Token()));
        clock.Advance(TimeSpan.FromMinutes(30));
        await Accepted(worker.Nurse.CapRemovedAsync(b, "nurse-1", null, Wait.Token())); // B ends first, A still cooling

        var bSent = await ChargesAsync(worker, b);
        Assert.Equal(ChargeItem.ChargeItemStatus.NotBillable, bSent["97008"].Status);
        Assert.Contains("SECOND_SESSION_SAME_DATE", bSent["97008"].Note.Single().Text, StringComparison.Ordinal);

        await Accepted(worker.Nurse.InfusionEndedAsync(a, "nurse-1", null, Wait.Token()));
        clock.Advance(TimeSpan.FromMinutes(90));
        await Accepted(worker.Nurse.CapRemovedAsync(a, "nurse-1", null, Wait.Token()));

        var aSent = await ChargesAsync(worker, a);
        Assert.Equal(ChargeItem.ChargeItemStatus.Billable, aSent["97008"].Status);
        Assert.Equal((ChargeItem.ChargeItemStatus.Billable, 3m), (aSent["97009"].Status, aSent["97009"].Quantity?.Value));
        Assert.Equal(ChargeItem.ChargeItemStatus.NotBillable, (await ChargesAsync(worker, b))["97008"].Status);
        Assert.Equal(
            [(a, OutboxItemKind.Session), (b, OutboxItemKind.Session)],
            (await worker.Services.GetRequiredService<IOutbox>().ListAsync(new OutboxQuery(), Wait.Token())).Select(i => (i.SessionId, i.Kind)).Order());
    }

    [Fact(Timeout = 60_000)]
    public async Task BilledSessionVoided_TheOtherSessionOfTheDateGoesOutAgainCorrectedToBillable_AsItsPageSays()
    {
        using var db = new TempDatabase();
        var clock = new FakeTimeProvider(Nine);
        await using var worker = await WorkerHost.StartAsync(Settings.For(db.Path), clock);
        var c = await CompleteAsync(worker, clock, "CHAIR-63", "C", "MRN-63", firstOfCourse: true);
        var d = await CompleteAsync(worker, clock, "CHAIR-64", "D", "MRN-63");
        Assert.Equal(ChargeItem.ChargeItemStatus.Billable, (await ChargesAsync(worker, c))["97008"].Status);
        Assert.Equal(ChargeItem.ChargeItemStatus.NotBillable, (await ChargesAsync(worker, d))["97008"].Status);

        await Accepted(worker.Nurse.VoidAsync(c, "nurse-2", VoidReason.WrongPatient, null, Wait.Token()));

        var items = await worker.Services.GetRequiredService<IOutbox>().ListAsync(new OutboxQuery(), Wait.Token());
        Assert.Contains(items, i => (i.SessionId, i.Kind) == (c, OutboxItemKind.Void));
        var correction = Assert.Single(items, i => i.Kind == OutboxItemKind.Correction);
        Assert.Equal(d, correction.SessionId);
        var corrected = Charges(correction);
        Assert.Equal(ChargeItem.ChargeItemStatus.Billable, corrected["97008"].Status);
        Assert.Equal(ChargeItem.ChargeItemStatus.Billable, corrected["97009"].Status);
        Assert.All(FhirJson.Parse<Bundle>(correction.Payload).Entry, e => Assert.Equal(Bundle.HTTPVerb.PUT, e.Request?.Method));
        var page = await PageAsync(worker, d);
        Assert.True(page.Decisions.Single(x => x.Code == "97008").Billable);
    }

    [Fact(Timeout = 60_000)]
    public async Task CalibratingSessionVoided_TheFittingGoesToTheNextSessionThatFittedTheCap()
    {
        using var db = new TempDatabase();
        var clock = new FakeTimeProvider(Nine);
        await using var worker = await WorkerHost.StartAsync(Settings.For(db.Path), clock);
        var first = await CompleteAsync(worker, clock, "CHAIR-65", "F1", "MRN-65", firstOfCourse: true);
        clock.Advance(TimeSpan.FromDays(7));
        var refitted = await CompleteAsync(worker, clock, "CHAIR-66", "F2", "MRN-65", firstOfCourse: true);
        Assert.Equal(ChargeItem.ChargeItemStatus.Billable, (await ChargesAsync(worker, first))["97007"].Status);
        Assert.Equal(ChargeItem.ChargeItemStatus.NotBillable, (await ChargesAsync(worker, refitted))["97007"].Status);

        await Accepted(worker.Nurse.VoidAsync(first, "nurse-2", VoidReason.WrongPatient, null, Wait.Token()));

        var correction = Assert.Single(
            await worker.Services.GetRequiredService<IOutbox>().ListAsync(new OutboxQuery(), Wait.Token()), i => i.Kind == OutboxItemKind.Correction);
        Assert.Equal(refitted, correction.SessionId);
        Assert.Equal(ChargeItem.ChargeItemStatus.Billable, Charges(correction)["97007"].Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task AbortedBeforeAnyInfusion_IsDocumentedNotBillable_AndTheRealSessionOfTheDateKeepsItsUnit()
    {
        using var db = new TempDatabase();
        var clock = new FakeTimeProvider(Nine);
        await using var worker = await WorkerHost.StartAsync(Settings.For(db.Path), clock);
        var aborted = await StartAsync(worker, "CHAIR-67", "X", "MRN-67", firstOfCourse: true);
        await Accepted(worker.Nurse.CapPlacedAsync(aborted, "nurse-1", null, Wait.Token()));
        clock.Advance(TimeSpan.FromSeconds(59));
        await Accepted(worker.Nurse.AbortAsync(aborted, "nurse-1", AbortReason.PatientRequest, null, null, Wait.Token()));
        clock.Advance(TimeSpan.FromHours(2));
        var real = await CompleteAsync(worker, clock, "CHAIR-68", "R", "MRN-67");

        var abortedCharges = await ChargesAsync(worker, aborted);
        Assert.Equal(ChargeItem.ChargeItemStatus.NotBillable, abortedCharges["97008"].Status);
        Assert.Contains("NO_INFUSION", abortedCharges["97008"].Note.Single().Text, StringComparison.Ordinal);
        Assert.Equal(ChargeItem.ChargeItemStatus.Billable, abortedCharges["97007"].Status);
        Assert.Equal(ChargeItem.ChargeItemStatus.Billable, (await ChargesAsync(worker, real))["97008"].Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task PrimaryCodeThatIsNotChemotherapy_IsDocumented_AndBillingSaysWhy()
    {
        using var db = new TempDatabase();
        var clock = new FakeTimeProvider(Nine);
        await using var worker = await WorkerHost.StartAsync(Settings.For(db.Path), clock);

        var id = await CompleteAsync(worker, clock, "CHAIR-69", "H", "MRN-69", primaryCode: "96360");

        var charge = (await ChargesAsync(worker, id))["97008"];
        Assert.Equal(ChargeItem.ChargeItemStatus.NotBillable, charge.Status);
        Assert.Contains("the primary code is not a chemotherapy administration code", charge.Note.Single().Text, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task CourseNotNamed_TheCourseTheNurseStartedIsJoinedByLaterSessions_WhateverTheirPreset()
    {
        using var db = new TempDatabase();
        var clock = new FakeTimeProvider(Nine);
        await using var worker = await WorkerHost.StartAsync(Settings.For(db.Path), clock);

        var first = await StartAsync(worker, "CHAIR-70", "K1", "MRN-70", firstOfCourse: true, course: "");
        var later = await StartAsync(worker, "CHAIR-71", "K2", "MRN-70", course: "", preset: "Standard, thick hair");
        var next = await StartAsync(worker, "CHAIR-72", "K3", "MRN-70", firstOfCourse: true, course: "");
        var fromTheEhr = await StartAsync(worker, "CHAIR-73", "K4", "MRN-70", course: "plan-4711");

        var courses = new List<string>();
        foreach (var id in new[] { first, later, next, fromTheEhr })
        {
            courses.Add((await worker.Board.SessionAsync(id, Wait.Token()))!.Record.Plan.CourseId);
        }

        Assert.Equal(courses[0], courses[1]);
        Assert.NotEqual(courses[0], courses[2]);
        Assert.Equal("plan-4711", courses[3]);
    }

    [Fact(Timeout = 60_000)]
    public async Task SiteHoldsChargesWithoutAVisit_ASessionWithoutOneIsHeldWithTheReason_OneWithAVisitIsBillable()
    {
        using var db = new TempDatabase();
        var clock = new FakeTimeProvider(Nine);
        var settings = Settings.For(db.Path);
        settings["Billing:HoldChargesWithoutVisit"] = "true";
        await using var worker = await WorkerHost.StartAsync(settings, clock);

        var noVisit = await CompleteAsync(worker, clock, "CHAIR-74", "V1", "MRN-74", firstOfCourse: true, encounter: null);
        var visit = await CompleteAsync(worker, clock, "CHAIR-75", "V2", "MRN-75", firstOfCourse: true, encounter: "Encounter/e-75");

        var held = (await ChargesAsync(worker, noVisit))["97008"];
        Assert.Equal(ChargeItem.ChargeItemStatus.Planned, held.Status);
        Assert.StartsWith("held: NO_VISIT", held.Note.Single().Text, StringComparison.Ordinal);
        Assert.All((await ChargesAsync(worker, noVisit)).Values, c => Assert.NotEqual(ChargeItem.ChargeItemStatus.Billable, c.Status));
        Assert.All((await ChargesAsync(worker, visit)).Values, c => Assert.Equal(ChargeItem.ChargeItemStatus.Billable, c.Status));
        var page = await PageAsync(worker, noVisit);
        Assert.True(page.Decisions.Single(d => d.Code == "97008").IsHeld);
    }

    private static async Task<string> StartAsync(
        WorkerHost worker, string chair, string sessionId, string patient, bool firstOfCourse = false, string primaryCode = "96413", string? course = null, string preset = "Standard",
        string? encounter = Visit)
    {
        var started = await worker.Nurse.StartSessionAsync(
            new StartSessionRequest("nurse-1", chair, course ?? "course-" + patient, patient, new ChemoAdministration("ma-" + sessionId, primaryCode),
                RegimenPreset: preset, FirstOfCourse: firstOfCourse, SessionId: sessionId, EncounterReference: encounter,
                IdentityConfirmed: true, ConfirmUnheardController: true), // several sessions of one patient at once are the cases here: the nurse has confirmed who it is
            Wait.Token());
        Assert.Equal(NurseActionOutcome.Accepted, started.Outcome);
        return started.SessionId!;
    }

    /// <summary>Cap placed, 30 min pre-cooling, 60 min infusion, 90 min post-cooling, cap removed.</summary>
    private static async Task<string> CompleteAsync(
        WorkerHost worker, FakeTimeProvider clock, string chair, string sessionId, string patient, bool firstOfCourse = false, string primaryCode = "96413", string? encounter = Visit)
    {
        var id = await StartAsync(worker, chair, sessionId, patient, firstOfCourse, primaryCode, encounter: encounter);
        await Accepted(worker.Nurse.CapPlacedAsync(id, "nurse-1", null, Wait.Token()));
        clock.Advance(TimeSpan.FromMinutes(30));
        await Accepted(worker.Nurse.InfusionStartedAsync(id, "nurse-1", null, Wait.Token()));
        clock.Advance(TimeSpan.FromMinutes(60));
        await Accepted(worker.Nurse.InfusionEndedAsync(id, "nurse-1", null, Wait.Token()));
        clock.Advance(TimeSpan.FromMinutes(90));
        await Accepted(worker.Nurse.CapRemovedAsync(id, "nurse-1", null, Wait.Token()));
        return id;
    }

    private static async Task Accepted(Task<NurseActionResult> action)
    {
        var result = await action;
        Assert.True(result.IsAccepted, result.Message);
    }

    /// <summary>The charges the EHR was told of last for a session (its newest outbox item that carries each).</summary>
    private static async Task<Dictionary<string, ChargeItem>> ChargesAsync(WorkerHost worker, string sessionId)
    {
        var items = await worker.Services.GetRequiredService<IOutbox>().ListAsync(new OutboxQuery(SessionId: sessionId), Wait.Token());
        var charges = new Dictionary<string, ChargeItem>(StringComparer.Ordinal);
        foreach (var item in items.OrderBy(i => i.EnqueuedAt))
        {
            foreach (var (code, charge) in Charges(item))
            {
                charges[code] = charge;
            }
        }

        return charges;
    }

    private static Dictionary<string, ChargeItem> Charges(OutboxItem item) =>
        FhirJson.Parse<Bundle>(item.Payload).Entry.Select(e => e.Resource).OfType<ChargeItem>().ToDictionary(c => c.Code.Coding[0].Code!, StringComparer.Ordinal);

    private static async Task<SessionBilling> PageAsync(WorkerHost worker, string sessionId)
    {
        var stored = worker.Services.GetRequiredService<IPatientCourses>();
        var detail = (await worker.Board.SessionAsync(sessionId, Wait.Token()))!;
        return await worker.Services.GetRequiredService<SessionBillingQuery>().ForSessionAsync(detail.Record, stored, Wait.Token());
    }
}
