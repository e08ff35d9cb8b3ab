// FHIR model navigation is nullable at every step; the tests assert on it instead of null-checking.
#nullable disable warnings

using Hl7.Fhir.Model;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Application.Staff;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using InfusionSuite.Fhir;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Fhir.Tests;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace InfusionSuite.Storage.Tests;

/// <summary>The real FHIR outbox participant inside the store's batch transaction, on a real SQLite file and a real PostgreSQL database.</summary>
[Collection(ValidatorCollection.Name)]
public sealed class FhirOutboxParticipantTests(ValidatorFixture validator)
{
    private static readonly DateTimeOffset Nine = Sessions.Nine;

    [Theory]
    [BothEngines]
    public async Task EndedSession_ItsBundleIsEnqueuedInTheEndsTransaction_AndALaterFailureRollsBothBack(StorageProvider engine)
    {
        var failing = new FailingParticipant { Fail = true };
        await using var fixture = new StoreFixture(engine, ehrDelivery: true, failing);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        CompletedSession(new Sessions(batch), "s-10", "Patient/p-10", Nine);

        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Store.CommitAsync(batch, CancellationToken.None));
        Assert.Equal(0L, await IngestStoreTests.ScalarAsync(fixture, "SELECT count(*) FROM outbox"));
        Assert.Equal(0L, await IngestStoreTests.ScalarAsync(fixture, "SELECT count(*) FROM sessions"));

        failing.Fail = false;
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var item = Assert.Single(await Outbox(fixture).ListAsync(new OutboxQuery(), CancellationToken.None));
        Assert.Equal((OutboxItemKind.Session, OutboxStatus.Pending, "s-10"), (item.Kind, item.Status, item.SessionId));
        Assert.Equal((long)SessionStatus.Completed, await IngestStoreTests.ScalarAsync(fixture, "SELECT status FROM sessions"));
        var bundle = FhirJson.Parse<Bundle>(item.Payload);
        var placement = Procedure(bundle, "97008");
        Assert.Equal("Patient/p-10", placement.Subject.Reference);
        Assert.Equal("urn:infusionsuite:user", placement.Performer[0].Actor.Identifier.System);
        Assert.Equal("nurse-1", placement.Performer[0].Actor.Identifier.Value);
        Assert.NotNull(Procedure(bundle, "97007"));
        Assert.Equal(ChargeItem.ChargeItemStatus.Billable, Charge(bundle, "97008").Status);
        Assert.Equal(ChargeItem.ChargeItemStatus.Billable, Charge(bundle, "97007").Status);
    }

    [Theory]
    [BothEngines]
    public async Task SecondSessionOfThePatientOnTheSameDate_ItsChargeIsDecidedOverTheStoredCourses(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine, ehrDelivery: true);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        CompletedSession(build, "s-11", "MRN-11", Nine);
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        batch.Clear();
        CompletedSession(build, "s-12", "MRN-11", Nine.AddHours(4));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var second = FhirJson.Parse<Bundle>(Assert.Single(await Outbox(fixture).ListAsync(new OutboxQuery(SessionId: "s-12"), CancellationToken.None)).Payload);
        var charge = Charge(second, "97008");
        Assert.Equal(ChargeItem.ChargeItemStatus.NotBillable, charge.Status);
        Assert.Contains("SECOND_SESSION_SAME_DATE", charge.Note.Single().Text, StringComparison.Ordinal);
        var subject = Procedure(second, "97008").Subject;
        Assert.Equal(("urn:infusionsuite:mrn", "MRN-11"), (subject.Identifier.System, subject.Identifier.Value));
    }

    [Theory]
    [BothEngines]
    public async Task BundleCannotBeMade_TheEndIsStoredAndAParkedItemNamesTheFailure(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine, ehrDelivery: true);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        CompletedSession(new Sessions(batch), "s-13", "Patient/p-13", Nine, administration: " ");

        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        Assert.Equal((long)SessionStatus.Completed, await IngestStoreTests.ScalarAsync(fixture, "SELECT status FROM sessions"));
        var outbox = Outbox(fixture);
        var parked = Assert.Single(await outbox.ListAsync(new OutboxQuery(), CancellationToken.None));
        Assert.Equal((OutboxStatus.Parked, string.Empty), (parked.Status, parked.Payload));
        Assert.StartsWith("The FHIR Bundle could not be made (ArgumentException", parked.ParkedReason, StringComparison.Ordinal);
        Assert.False(await outbox.RequeueAsync(parked.Id, Nine, CancellationToken.None));
        using var ndjson = new MemoryStream();
        Assert.Equal(0, await FhirNdjsonExport.WriteAsync(outbox, new OutboxQuery(), ndjson, CancellationToken.None));
        Assert.Equal(0, ndjson.Length);
    }

    [Theory]
    [BothEngines]
    public async Task VoidAfterTheEnd_EnqueuesTheVoidBundle_VoidBeforeTheEnd_EnqueuesNothing(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine, ehrDelivery: true);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        var ended = CompletedSession(build, "s-14", "Patient/p-14", Nine);
        var open = build.Start("s-15", "CHAIR-15", Nine, "Patient/p-15");
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        batch.Clear();
        var later = Nine.AddHours(5);
        build.Nurse(ended, new VoidSession(later, "nurse-2", VoidReason.WrongPatient));
        build.Nurse(open, new VoidSession(later, "nurse-2", VoidReason.WrongChair));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var items = await Outbox(fixture).ListAsync(new OutboxQuery(), CancellationToken.None);
        Assert.Equal([("s-14", OutboxItemKind.Void), ("s-14", OutboxItemKind.Session)], items.Select(i => (i.SessionId, i.Kind)));
        var voided = FhirJson.Parse<Bundle>(items[0].Payload);
        Assert.Equal(EventStatus.EnteredInError, Procedure(voided, "97008").Status);
        Assert.Equal(Bundle.HTTPVerb.PUT, voided.Entry.Single(e => e.Resource is Procedure p && p.Code.Coding[0].Code == "97008").Request.Method);
    }

    [Theory]
    [BothEngines]
    public async Task SessionStartedWithAnEncounter_ProceduresObservationsAndChargesCarryIt_AndTheBundleValidates(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine, ehrDelivery: true);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        CompletedSession(new Sessions(batch), "s-16", "Patient/p-16", Nine, encounter: "Encounter/e-1");

        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var bundle = FhirJson.Parse<Bundle>(Assert.Single(await Outbox(fixture).ListAsync(new OutboxQuery(), CancellationToken.None)).Payload);
        Assert.Equal("Encounter/e-1", Procedure(bundle, "97008").Encounter.Reference);
        Assert.Equal("Encounter/e-1", Procedure(bundle, "97007").Encounter.Reference);
        Assert.All(bundle.Entry.Select(e => e.Resource).OfType<Observation>(), o => Assert.Equal("Encounter/e-1", o.Encounter.Reference));
        Assert.Equal("Encounter/e-1", Charge(bundle, "97008").Context.Reference);
        var report = validator.Validator.Validate(bundle);
        Assert.True(report.IsValid, report.ErrorText);
    }

    [Theory]
    [BothEngines]
    public async Task SessionStartedWithAVisitNumber_TheEncounterIsALogicalReference_AndWithoutOneThereIsNone(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine, ehrDelivery: true);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        CompletedSession(build, "s-17", "Patient/p-17", Nine, encounter: "V-2026-17");
        CompletedSession(build, "s-18", "Patient/p-18", Nine);

        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var items = await Outbox(fixture).ListAsync(new OutboxQuery(), CancellationToken.None);
        var visit = Procedure(FhirJson.Parse<Bundle>(items.Single(i => i.SessionId == "s-17").Payload), "97008").Encounter;
        Assert.Equal((null, "Encounter", "urn:infusionsuite:encounter", "V-2026-17"), (visit.Reference, visit.Type, visit.Identifier.System, visit.Identifier.Value));
        Assert.Null(Procedure(FhirJson.Parse<Bundle>(items.Single(i => i.SessionId == "s-18").Payload), "97008").Encounter);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite, "Practitioner/prac-77", "Practitioner/prac-77", null, null)]
    [InlineData(StorageProvider.Sqlite, "1234567893", null, "http://hl7.org/fhir/sid/us-npi", "1234567893")]
    [InlineData(StorageProvider.PostgreSql, "Practitioner/prac-77", "Practitioner/prac-77", null, null)]
    [InlineData(StorageProvider.PostgreSql, "1234567893", null, "http://hl7.org/fhir/sid/us-npi", "1234567893")]
    public async Task NurseWithAPractitionerInTheirProfile_IsThePerformer(StorageProvider engine, string profile, string? reference, string? npiSystem, string? npi)
    {
        await using var fixture = new StoreFixture(engine, ehrDelivery: true);
        await fixture.OpenAsync();
        await fixture.Services.GetRequiredService<IStaffAccounts>().AddAsync(
            new StaffAccount("nurse-1", "alice", "Alice N", StaffRole.Nurse, "hash", 0, null, false, PractitionerId: profile),
            new StaffAuditEntry(Nine, "admin", "add", "alice", "nurse"),
            CancellationToken.None);
        var batch = new IngestBatch();
        CompletedSession(new Sessions(batch), "s-40", "Patient/p-40", Nine);

        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var bundle = FhirJson.Parse<Bundle>(Assert.Single(await Outbox(fixture).ListAsync(new OutboxQuery(), CancellationToken.None)).Payload);
        var performer = Procedure(bundle, "97008").Performer[0].Actor;
        Assert.Equal((reference, npiSystem, npi), (performer.Reference, performer.Identifier?.System, performer.Identifier?.Value));
    }

    [Fact]
    public async Task PatientKeyedByMrn_WithTheEhrIdBeside_IsSentAsTheLiteralSubject()
    {
        await using var fixture = new StoreFixture(StorageProvider.Sqlite, ehrDelivery: true);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        var session = build.Start("s-41", "CHAIR-s-41", Nine, "MRN-41", "MedicationAdministration/ma-1", patientEhrReference: "Patient/p-41");
        build.Nurse(session, new PlaceCap(Nine.AddMinutes(1), "nurse-1"));
        build.Nurse(session, new StartInfusion(Nine.AddMinutes(31), "nurse-1"));
        build.Nurse(session, new EndInfusion(Nine.AddMinutes(91), "nurse-1"));
        build.Nurse(session, new RemoveCap(Nine.AddMinutes(181), "nurse-1"));

        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var bundle = FhirJson.Parse<Bundle>(Assert.Single(await Outbox(fixture).ListAsync(new OutboxQuery(), CancellationToken.None)).Payload);
        Assert.Equal("Patient/p-41", Procedure(bundle, "97008").Subject.Reference);
    }

    /// <summary>Start, cap placed, 30 min pre-cooling, 60 min infusion, 90 min post-cooling, cap removed: completed.</summary>
    [Theory]
    [BothEngines]
    public async Task ChairHeardOverASite_ItsDeviceTakesThatSitesSystem_WhereTheStoreKeepsSitesForEveryWorker(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine, ehrDelivery: true);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        batch.Add(new ControllerSite("CHAIR-s-40", "north")); // its first message, long before the session ends
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        batch.Clear();
        CompletedSession(new Sessions(batch), "s-40", "Patient/p-40", Nine);

        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var item = Assert.Single(await Outbox(fixture).ListAsync(new OutboxQuery(), CancellationToken.None));
        var device = FhirJson.Parse<Bundle>(item.Payload).Entry.Select(e => e.Resource).OfType<Device>().Single();
        Assert.Equal(engine == StorageProvider.PostgreSql ? "urn:infusionsuite:controller:north" : "urn:infusionsuite:controller", device.Identifier.Single().System);
    }

    /// <summary>
    /// Issues 13 and 18's trials: a correction identical to what was sent (a change of the record that changes nothing in its
    /// resources, or the end moved by milliseconds: a CAP_OFF landing just after the nurse's "cap removed") is not sent; a real
    /// change after the end is.
    /// </summary>
    [Theory]
    [BothEngines]
    public async Task ChangeAfterTheEnd_ThatChangesNoResource_SendsNoCorrection_ARealChangeDoes(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine, ehrDelivery: true);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        var ended = CompletedSession(build, "s-30", "Patient/p-30", Nine);
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        batch.Clear();

        var record = ended.ToRecord();
        var performed = record.PerformedPeriod!.Value;
        batch.AddChangedAfterEnd(record);
        batch.AddChangedAfterEnd(record with { PerformedPeriod = new TimeInterval(performed.Start, performed.End.AddMilliseconds(12)) });
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        Assert.Equal([OutboxItemKind.Session], (await Outbox(fixture).ListAsync(new OutboxQuery(), CancellationToken.None)).Select(i => i.Kind));

        batch.Clear();
        build.Nurse(ended, new RecordTolerance(Nine.AddHours(4), "nurse-1", 3));
        batch.AddChangedAfterEnd(ended.ToRecord());
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        Assert.Equal([OutboxItemKind.Correction, OutboxItemKind.Session], (await Outbox(fixture).ListAsync(new OutboxQuery(), CancellationToken.None)).Select(i => i.Kind));
    }

    internal static ScalpCoolingSession CompletedSession(Sessions build, string sessionId, string patient, DateTimeOffset start, string administration = "MedicationAdministration/ma-1", string? encounter = null, string? course = null)
    {
        var session = build.Start(sessionId, "CHAIR-" + sessionId, start, patient, administration, encounter, course);
        build.Nurse(session, new PlaceCap(start.AddMinutes(1), "nurse-1"));
        build.Nurse(session, new StartInfusion(start.AddMinutes(31), "nurse-1"));
        build.Nurse(session, new EndInfusion(start.AddMinutes(91), "nurse-1"));
        build.Nurse(session, new RemoveCap(start.AddMinutes(181), "nurse-1"));
        Assert.Equal(SessionStatus.Completed, session.Status);
        return session;
    }

    private static IOutbox Outbox(StoreFixture fixture) => fixture.Services.GetRequiredService<IOutbox>();

    private static Procedure Procedure(Bundle bundle, string code) =>
        bundle.Entry.Select(e => e.Resource).OfType<Procedure>().Single(p => p.Code.Coding[0].Code == code);

    private static ChargeItem Charge(Bundle bundle, string code) =>
        bundle.Entry.Select(e => e.Resource).OfType<ChargeItem>().Single(c => c.Code.Coding[0].Code == code);

    private sealed class FailingParticipant : ISessionEndParticipant
    {
        public bool Fail { get; set; }

        public ValueTask<IReadOnlyList<OutboxItem>> OnSessionEndedAsync(ScalpCoolingSessionRecord record, ISessionEndReads reads, CancellationToken cancellationToken) =>
            Fail ? throw new InvalidOperationException("A later participant failed.") : ValueTask.FromResult<IReadOnlyList<OutboxItem>>([]);
    }
}
