using Hl7.Fhir.Model;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Delivery;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Shapes;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// The same simulated sessions delivered in each shape to the test FHIR server in the matching
/// capability mode (a transaction server, Epic's published CapabilityStatement, Oracle Millennium's
/// documented rules), then read back: one of each resource the target takes, nothing else.
/// </summary>
[Collection(FhirServerCollection.Name)]
public sealed partial class FhirShapeDeliveryTests(FhirServerFixture server) : IAsyncLifetime, IDisposable
{
    private const string MrnSystem = "urn:oid:1.2.36.146.595.217.0.1";
    private const string VisitSystem = "urn:oid:1.2.36.146.595.217.0.2";
    private const string Npi = "http://hl7.org/fhir/sid/us-npi";
    private const string BillCodes = "urn:test:millennium:bill-code";
    private readonly FhirServerReader _reader = new(server);

    public static TheoryData<string, FhirDeliveryShape> Targets => new()
    {
        { "transaction", FhirDeliveryShape.Transaction },
        { "epic", FhirDeliveryShape.Individual },
        { "millennium", FhirDeliveryShape.Millennium },
    };

    /// <summary>The targets that take one resource at a time (no transactions).</summary>
    public static TheoryData<string, FhirDeliveryShape> ResourceByResourceTargets => new()
    {
        { "epic", FhirDeliveryShape.Individual },
        { "millennium", FhirDeliveryShape.Millennium },
    };

    public Task InitializeAsync() => server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _reader.Dispose();

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task SimulatedSessions_LeaveOneOfEachResourceTheTargetTakesWithTheRightStatus(string mode, FhirDeliveryShape shape)
    {
        await server.Control($"mode?name={mode}");
        using var harness = Harness(shape);
        var takes = Takes.For(mode);

        // First of a course and, later that day, the second session of the patient.
        var first = SimulatedSessions.FirstOfCourse("shp-1-" + mode);
        var second = SimulatedSessions.Normal("shp-2-" + mode, first.PerformedPeriod!.Value.End + TimeSpan.FromMinutes(30));
        var a = await PatientAsync(mode, "A");
        var charges = ChargesTogether(first, second);
        await SendAsync(harness, first, a, charges);
        await SendAsync(harness, second, a, charges);
        Assert.Equal(takes.Counts(2 + 1, 12, charges, Billable(charges)), await _reader.CountsForPatientAsync(a.PatientId));
        Assert.All(await _reader.SearchAsync<Procedure>($"patient=Patient/{a.PatientId}"), p =>
        {
            // Found by MRN, visit number and NPI before sending, and sent literal, whatever the shape.
            Assert.Equal("Encounter/" + a.EncounterId, p.Encounter.Reference);
            Assert.All(p.Performer, x => Assert.StartsWith("Practitioner/", x.Actor.Reference, StringComparison.Ordinal));
        });
        // Charges too (issue 14's trial: the transaction shape sent a ChargeItem's performer by NPI only).
        var chargeItems = await _reader.SearchAsync<ChargeItem>($"subject=Patient/{a.PatientId}");
        Assert.True(shape != FhirDeliveryShape.Transaction || chargeItems.Count > 0, "the transaction's charges are at the EHR");
        Assert.All(chargeItems, c =>
        {
            Assert.Equal("Encounter/" + a.EncounterId, c.Context.Reference);
            Assert.All(c.Performer, x => Assert.StartsWith("Practitioner/", x.Actor.Reference, StringComparison.Ordinal));
        });

        // Stopped early.
        var stopped = SimulatedSessions.Aborted("shp-3-" + mode);
        var b = await PatientAsync(mode, "B");
        var stoppedItem = await SendAsync(harness, stopped, b, SimulatedSessions.Charges(stopped));
        var stoppedProcedure = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{b.PatientId}"));
        // The EHR's id of each resource is kept as data with the attempt (corrections and voids go to it).
        if (shape != FhirDeliveryShape.Transaction)
        {
            Assert.Contains(new ReceiverResource("Procedure 97008", "Procedure/" + stoppedProcedure.Id, "created"), stoppedItem.Attempts[^1].Resources);
        }

        // What the target does not take is left out, with the reason kept as data for the session page.
        if (mode == "epic")
        {
            Assert.Contains(
                stoppedItem.Attempts[^1].Resources,
                r => r.Key.StartsWith("ChargeItem ", StringComparison.Ordinal) && r is { Reference: null, Outcome: ReceiverResource.LeftOut, Reason: "the EHR does not take ChargeItem" });
        }
        Assert.Equal(mode == "millennium" ? EventStatus.Completed : EventStatus.Stopped, stoppedProcedure.Status);
        Assert.Contains("Stopped early", mode == "millennium" ? stoppedProcedure.Note[0].Text : stoppedProcedure.StatusReason.Text, StringComparison.Ordinal);

        // Voided after it was sent: withdrawn in place where the target takes updates; charges credited on Millennium.
        var (completed, voided) = SimulatedSessions.CompletedThenVoided("shp-4-" + mode);
        var c = await PatientAsync(mode, "C");
        await SendAsync(harness, completed, c, SimulatedSessions.Charges(completed));
        var before = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{c.PatientId}"));
        var voidItem = await SendAsync(harness, voided, c, SimulatedSessions.Charges(voided), expect: mode == "millennium" ? OutboxStatus.Parked : OutboxStatus.Sent);
        var after = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{c.PatientId}"));
        Assert.Equal(before.Id, after.Id);
        if (mode == "millennium")
        {
            Assert.Equal(EventStatus.Completed, after.Status);
            Assert.Contains($"Procedure/{after.Id} to entered-in-error in the EHR by hand", voidItem.ParkedReason, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(EventStatus.EnteredInError, after.Status);
            Assert.All(await _reader.SearchAsync<Observation>($"patient=Patient/{c.PatientId}"), o => Assert.Equal(ObservationStatus.EnteredInError, o.Status));
        }

        Assert.All(await _reader.SearchAsync<ChargeItem>($"patient=Patient/{c.PatientId}"), ci => Assert.Equal(ChargeItem.ChargeItemStatus.EnteredInError, ci.Status));
        Assert.Equal(takes.Counts(1, 6, SimulatedSessions.Charges(completed), Billable(SimulatedSessions.Charges(completed))), await _reader.CountsForPatientAsync(c.PatientId));

        // Documented after the end: the Procedure is corrected by its id where the target takes updates.
        var (ended, documented) = SimulatedSessions.CompletedThenDocumented("shp-5-" + mode);
        var d = await PatientAsync(mode, "D");
        await SendAsync(harness, ended, d, SimulatedSessions.Charges(ended));
        var sent = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{d.PatientId}"));
        var correction = await SendAsync(harness, documented, d, SimulatedSessions.Charges(documented), correction: true, expect: mode == "millennium" ? OutboxStatus.Parked : OutboxStatus.Sent);
        Assert.Equal(OutboxItemKind.Correction, correction.Kind);
        var corrected = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{d.PatientId}"));
        Assert.Equal(sent.Id, corrected.Id);
        Assert.Equal(mode != "millennium", corrected.Note[0].Text != sent.Note[0].Text);
        Assert.Equal(takes.Counts(1, 6, SimulatedSessions.Charges(ended), Billable(SimulatedSessions.Charges(ended))), await _reader.CountsForPatientAsync(d.PatientId));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task ResponseLostAfterTheServerCommitted_NothingIsDuplicated(string mode, FhirDeliveryShape shape)
    {
        await server.Control($"mode?name={mode}");
        using var harness = Harness(shape);
        var record = SimulatedSessions.Normal("shp-lost-" + mode);
        var e = await PatientAsync(mode, "E");
        await server.Control(mode == "transaction" ? "drop-response-next?method=POST" : "drop-response-next?method=POST&path=Procedure");

        var item = await SendAsync(harness, record, e, SimulatedSessions.Charges(record), expect: null);

        Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{e.PatientId}"));
        if (mode == "millennium")
        {
            // Millennium keeps no identifier on a Procedure: nothing to look it up by, so staff decide.
            Assert.Equal(OutboxStatus.Parked, item.Status);
            Assert.Contains(SentResources.LostAnswerMarker, item.ParkedReason, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(OutboxStatus.Sent, item.Status);
            Assert.Equal(Takes.For(mode).Counts(1, 6, SimulatedSessions.Charges(record), Billable(SimulatedSessions.Charges(record))), await _reader.CountsForPatientAsync(e.PatientId));
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task PatientUnknownToTheEhr_IsHeldForStaffWithTheReasonAndNothingIsSent(string mode, FhirDeliveryShape shape)
    {
        await server.Control($"mode?name={mode}");
        using var harness = Harness(shape);
        var record = SimulatedSessions.Normal("shp-held-" + mode);
        var known = await PatientAsync(mode, "F");
        var context = Context(record, known, SimulatedSessions.Charges(record)) with { Patient = EhrReference.ByIdentifier("Patient", MrnSystem, "MRN-NOWHERE") };
        var creates = (await server.StatsAsync()).GetProperty("creates").GetInt32();

        var item = await harness.SettleAsync(harness.Enqueue(record, context).Id);

        Assert.Equal(OutboxStatus.Parked, item.Status);
        Assert.StartsWith("Held: references not at the EHR: the patient (by MRN): not found.", item.ParkedReason, StringComparison.Ordinal);
        var logged = Assert.Single(harness.Logs, l => l.Message.Contains(item.Id.ToString("D"), StringComparison.Ordinal));
        Assert.Contains("held: references not at the EHR: parked for staff", logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MRN-NOWHERE", string.Join('\n', harness.Logs.Select(l => l.Message)), StringComparison.Ordinal);
        Assert.Equal(creates, (await server.StatsAsync()).GetProperty("creates").GetInt32());
    }

    [Theory]
    [MemberData(nameof(ResourceByResourceTargets))]
    public async Task SentOneResourceAtATime_TheSummarySaysWhatWasNotSentAndWhy_AndEachRequestIsKept(string mode, FhirDeliveryShape shape)
    {
        await server.Control($"mode?name={mode}");
        using var harness = Harness(shape);
        var record = SimulatedSessions.Normal("shp-said-" + mode);
        var h = await PatientAsync(mode, "H");

        var item = await SendAsync(harness, record, h, SimulatedSessions.Charges(record));

        var summary = harness.Services.GetServices<IOutboxPayloadSummary>().Single(s => s.ContentType == item.ContentType).Summarize(item);
        var procedure = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{h.PatientId}"));
        Assert.Contains(summary, l => l.StartsWith("Procedure 97008", StringComparison.Ordinal) && l.Contains($"(created Procedure/{procedure.Id})", StringComparison.Ordinal));
        Assert.Contains(summary, l => l.StartsWith("Chair ", StringComparison.Ordinal) && l.Contains("(Device not sent: the EHR does not take Device)", StringComparison.Ordinal));
        Assert.DoesNotContain(summary, l => l.Contains("(create)", StringComparison.Ordinal) || l.Contains("(create ", StringComparison.Ordinal));
        if (mode == "epic")
        {
            Assert.All(summary.Where(l => l.StartsWith("Charge ", StringComparison.Ordinal)), l => Assert.Contains("(not sent: the EHR does not take ChargeItem)", l, StringComparison.Ordinal));
        }
        else
        {
            Assert.All(summary.Where(l => l.StartsWith("Observation ", StringComparison.Ordinal)), l => Assert.Contains("(not sent: Oracle Millennium takes Observations only as vital-signs or laboratory)", l, StringComparison.Ordinal));
            Assert.Contains(item.Attempts[^1].Resources, r => r is { Request: "POST ChargeItem/$create", HttpStatus: 200 or 201, Outcome: "charged" });
        }

        var sent = Assert.Single(item.Attempts[^1].Resources, r => r.Key == "Procedure 97008");
        Assert.Equal(("POST Procedure", 201, "Procedure/" + procedure.Id), (sent.Request, sent.HttpStatus, sent.Reference));
    }

    /// <summary>Each kind of reference to what the EHR owns, given at the start and not there: (mode, shape, which, expected reason).</summary>
    public static TheoryData<string, FhirDeliveryShape, string, string> UnknownReferences => new()
    {
        { "transaction", FhirDeliveryShape.Transaction, "encounter-id", "the visit (Encounter, by EHR id): not found" },
        { "transaction", FhirDeliveryShape.Transaction, "administration-id", "the chemotherapy administration (MedicationAdministration, by EHR id): not found" },
        { "transaction", FhirDeliveryShape.Transaction, "administration-order", "the chemotherapy administration (MedicationAdministration, by order number): not found" },
        { "transaction", FhirDeliveryShape.Transaction, "patient-id", "the patient (by EHR id): not found" },
        { "transaction", FhirDeliveryShape.Transaction, "nurse-id", "a performing nurse or the ordering provider (Practitioner, by EHR id): not found" },
        { "transaction", FhirDeliveryShape.Transaction, "nurse-npi", "a performing nurse or the ordering provider (Practitioner, by NPI): not found" },
        { "transaction", FhirDeliveryShape.Transaction, "visit-number", "the visit (Encounter, by visit number): not found" },
        { "epic", FhirDeliveryShape.Individual, "encounter-id", "the visit (Encounter, by EHR id): not found" },
        { "epic", FhirDeliveryShape.Individual, "administration-id", "the chemotherapy administration (MedicationAdministration, by EHR id): not found" },
        { "epic", FhirDeliveryShape.Individual, "administration-order", "the chemotherapy administration (MedicationAdministration, by order number): not found" },
        { "epic", FhirDeliveryShape.Individual, "patient-id", "the patient (by EHR id): not found" },
        { "epic", FhirDeliveryShape.Individual, "nurse-id", "a performing nurse or the ordering provider (Practitioner, by EHR id): not found" },
        { "millennium", FhirDeliveryShape.Millennium, "encounter-id", "the visit (Encounter, by EHR id): not found" },
        { "millennium", FhirDeliveryShape.Millennium, "patient-id", "the patient (by EHR id): not found" },
        { "millennium", FhirDeliveryShape.Millennium, "nurse-id", "a performing nurse or the ordering provider (Practitioner, by EHR id): not found" },
        { "millennium", FhirDeliveryShape.Millennium, "visit-number", "the visit (Encounter, by visit number): not found" },
    };

    [Theory]
    [MemberData(nameof(UnknownReferences))]
    public async Task ReferenceGivenAtStartThatTheEhrDoesNotHold_HoldsTheItemNamingIt_NothingIsLeftOutOrSent(string mode, FhirDeliveryShape shape, string which, string reason)
    {
        await server.Control($"mode?name={mode}");
        using var harness = Harness(shape);
        var record = SimulatedSessions.Normal($"shp-ref-{mode}-{which}");
        var known = await PatientAsync(mode, "R-" + which);
        var context = Context(record, known, SimulatedSessions.Charges(record));
        context = which switch
        {
            "encounter-id" => context with { Encounter = EhrReference.ById("Encounter", "visit-nowhere") },
            "administration-id" => context with { Administration = EhrReference.ById("MedicationAdministration", "ma-nowhere") },
            "administration-order" => context with { Administration = EhrReference.ByIdentifier("MedicationAdministration", new FhirMappingOptions().AdministrationIdentifierSystem, "ORDER-NOWHERE") },
            "patient-id" => context with { Patient = EhrReference.ById("Patient", "patient-nowhere") },
            "nurse-id" => context with { Practitioners = new Dictionary<string, EhrReference>(context.Practitioners, StringComparer.Ordinal) { [SessionScenario.EndingNurse] = EhrReference.ById("Practitioner", "nurse-nowhere") } },
            "nurse-npi" => context with { Practitioners = new Dictionary<string, EhrReference>(context.Practitioners, StringComparer.Ordinal) { [SessionScenario.EndingNurse] = EhrReference.ByIdentifier("Practitioner", Npi, "1000000004") } },
            _ => context with { Encounter = EhrReference.ByIdentifier("Encounter", VisitSystem, "V-NOWHERE") },
        };
        var creates = (await server.StatsAsync()).GetProperty("creates").GetInt32();

        var item = await harness.SettleAsync(harness.Enqueue(record, context).Id);

        Assert.Equal(OutboxStatus.Parked, item.Status);
        Assert.StartsWith($"Held: references not at the EHR: {reason}.", item.ParkedReason, StringComparison.Ordinal);
        Assert.DoesNotContain("nowhere", item.ParkedReason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(creates, (await server.StatsAsync()).GetProperty("creates").GetInt32());
        Assert.Empty(await _reader.SearchAsync<Procedure>($"patient=Patient/{known.PatientId}"));
    }

    [Fact]
    public async Task AdministrationNotYetAtTheEhr_IsHeld_ThenSentWhenStaffRetryAfterItIsThere()
    {
        await server.Control("mode?name=epic");
        using var harness = Harness(FhirDeliveryShape.Individual);
        var record = SimulatedSessions.Normal("shp-ref-retry");
        var known = await PatientAsync("epic", "R-retry");
        var system = new FhirMappingOptions().AdministrationIdentifierSystem;
        var context = Context(record, known, SimulatedSessions.Charges(record)) with { Administration = EhrReference.ByIdentifier("MedicationAdministration", system, "ORDER-LATE") };

        var held = await harness.SettleAsync(harness.Enqueue(record, context).Id);
        Assert.StartsWith("Held: references not at the EHR: the chemotherapy administration (MedicationAdministration, by order number): not found.", held.ParkedReason, StringComparison.Ordinal);

        // Staff get the order into the EHR, then retry.
        var administrationId = await _reader.CreateAsync(Administration(known, new Identifier(system, "ORDER-LATE")));
        Assert.True(await harness.Outbox.RequeueAsync(held.Id, DateTimeOffset.MinValue, CancellationToken.None));
        var sent = await harness.SettleAsync(held.Id);

        Assert.Equal(OutboxStatus.Sent, sent.Status);
        var procedure = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{known.PatientId}"));
        Assert.Equal("MedicationAdministration/" + administrationId, Assert.Single(procedure.PartOf).Reference);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task VoidAfterAParkedCorrection_GoesAtOnce_AndTheCorrectionCanNeverUndoIt(string mode, FhirDeliveryShape shape)
    {
        await server.Control($"mode?name={mode}");
        using var harness = Harness(shape);
        var (completed, documented, voided) = SimulatedSessions.CompletedDocumentedThenVoided("shp-order-" + mode);
        var h = await PatientAsync(mode, "H");
        await SendAsync(harness, completed, h, SimulatedSessions.Charges(completed));
        var charged = (await _reader.SearchAsync<ChargeItem>($"patient=Patient/{h.PatientId}")).Count;

        // The correction is refused and parks, waiting for staff.
        await server.Control("reject-next?status=422");
        var correction = await harness.SettleAsync(harness.Enqueue(documented, Context(documented, h, SimulatedSessions.Charges(documented)), correction: true).Id);
        Assert.Equal(OutboxStatus.Parked, correction.Status);

        // The void does not wait for them: the session is withdrawn and its charges reversed now (a charge billed
        // meanwhile for another session would otherwise be billed twice).
        var voidItem = harness.Enqueue(voided, Context(voided, h, SimulatedSessions.Charges(voided)));
        var done = await harness.SettleAsync(voidItem.Id);
        Assert.True(done.Attempts.Count > 0, "the void was never attempted");
        Assert.Equal(mode == "millennium" ? OutboxStatus.Parked : OutboxStatus.Sent, done.Status); // Millennium: the Procedure left to staff
        await AssertVoidedAsync(mode, h, charged);

        // Staff retry the correction afterwards: it can no longer go (it would undo the void), only be handled outside.
        Assert.True(await harness.Outbox.RequeueAsync(correction.Id, DateTimeOffset.MinValue, CancellationToken.None));
        var retried = await harness.SettleAsync(correction.Id);
        Assert.Equal(OutboxStatus.Parked, retried.Status);
        Assert.StartsWith(OutboxOrder.OvertakenPrefix, retried.ParkedReason, StringComparison.Ordinal);
        Assert.Equal(correction.Attempts.Count, retried.Attempts.Count);
        await AssertVoidedAsync(mode, h, charged);
    }

    /// <summary>The session withdrawn at the EHR where the target takes updates, and every charge it had reversed.</summary>
    private async Task AssertVoidedAsync(string mode, EhrPatient patient, int charged)
    {
        var procedure = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{patient.PatientId}"));
        if (mode != "millennium")
        {
            Assert.Equal(EventStatus.EnteredInError, procedure.Status);
            Assert.All(await _reader.SearchAsync<Observation>($"patient=Patient/{patient.PatientId}"), o => Assert.Equal(ObservationStatus.EnteredInError, o.Status));
        }

        var charges = await _reader.SearchAsync<ChargeItem>($"patient=Patient/{patient.PatientId}");
        Assert.Equal(charged, charges.Count);
        Assert.All(charges, ci => Assert.Equal(ChargeItem.ChargeItemStatus.EnteredInError, ci.Status));
    }

    [Theory]
    [MemberData(nameof(ResourceByResourceTargets))]
    public async Task CorrectionParkedBeforeAVoidThatAlreadyReachedTheEhr_IsNeverSentAfterIt(string mode, FhirDeliveryShape shape)
    {
        // As an outbox kept before items were ordered could hold it: the void went out while the older correction was parked.
        await server.Control($"mode?name={mode}");
        using var harness = Harness(shape);
        var (completed, documented, voided) = SimulatedSessions.CompletedDocumentedThenVoided("shp-overtaken-" + mode);
        var i = await PatientAsync(mode, "I");
        var first = await SendAsync(harness, completed, i, SimulatedSessions.Charges(completed));
        var correction = harness.Create(documented, Context(documented, i, SimulatedSessions.Charges(documented)), correction: true);
        var voidItem = harness.Create(voided, Context(voided, i, SimulatedSessions.Charges(voided))) with { EnqueuedAt = correction.EnqueuedAt + TimeSpan.FromMinutes(1) };
        harness.Outbox.Enqueue(voidItem);
        Assert.Equal(mode == "millennium" ? OutboxStatus.Parked : OutboxStatus.Sent, (await harness.SettleAsync(voidItem.Id)).Status); // Millennium: charges credited, the Procedure left to staff
        harness.Outbox.Enqueue(correction with { Status = OutboxStatus.Parked, Reason = "Refused by the test server." });
        var charges = await _reader.SearchAsync<ChargeItem>($"patient=Patient/{i.PatientId}");

        Assert.True(await harness.Outbox.RequeueAsync(correction.Id, DateTimeOffset.MinValue, CancellationToken.None));
        var retried = await harness.SettleAsync(correction.Id);

        Assert.Equal(OutboxStatus.Parked, retried.Status);
        Assert.StartsWith($"Not sent: a newer item of this session (Void, {voidItem.Id:D}) has already gone to the receiver", retried.ParkedReason, StringComparison.Ordinal);
        Assert.Empty(retried.Attempts);
        if (mode == "epic")
        {
            Assert.Equal(EventStatus.EnteredInError, Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{i.PatientId}")).Status);
        }

        Assert.Equal(charges.Select(c => (c.Id, c.Status)), (await _reader.SearchAsync<ChargeItem>($"patient=Patient/{i.PatientId}")).Select(c => (c.Id, c.Status)));
        Assert.Equal(OutboxStatus.Sent, first.Status);
    }

    [Fact]
    public async Task ShapeTheEhrCannotTake_StopsTheHostAtStartNamingIt()
    {
        await server.Control("mode?name=epic");
        using var wrong = Harness(FhirDeliveryShape.Transaction);
        using var right = Harness(FhirDeliveryShape.Individual);

        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(wrong.StartAsync);
        await right.StartAsync();

        Assert.StartsWith("Fhir:Delivery:Shape is Transaction, but the EHR's /metadata declares no transaction interaction", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Theory]
    [InlineData(FhirDeliveryShape.Transaction, "The EHR holds more than one Device with this chair's identifier (412): sent without the Device.")]
    [InlineData(FhirDeliveryShape.Individual, "ambiguous: 2 Devices")]
    public async Task TwoDevicesWithTheSameIdentifierAtTheEhr_TheClinicalRecordStillGoes(FhirDeliveryShape shape, string said)
    {
        using var harness = Harness(shape);
        var device = new Device { Identifier = [new Identifier(DeliveryHarness.DeviceSystem, SessionScenario.ControllerId)] };
        await _reader.CreateAsync(device);
        await _reader.CreateAsync(device);
        var record = SimulatedSessions.Normal("shp-dev");
        var g = await PatientAsync(shape == FhirDeliveryShape.Transaction ? "transaction" : "individual", "G"); // resolvable references for the shape

        var item = await SendAsync(harness, record, g, SimulatedSessions.Charges(record));

        Assert.Contains(said, item.Attempts[^1].ServerMessage, StringComparison.Ordinal);
        // The session page's lines say the Device was not sent (issue 14's trial: the transaction's said "create Device").
        var summary = harness.Services.GetServices<IOutboxPayloadSummary>().Single(s => s.ContentType == item.ContentType).Summarize(item);
        Assert.Contains(summary, l => l.StartsWith("Chair ", StringComparison.Ordinal) && l.Contains("(Device not sent: ", StringComparison.Ordinal));
        var procedure = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{g.PatientId}"));
        Assert.Empty(procedure.UsedReference);
        Assert.Equal(6, (await _reader.SearchAsync<Observation>($"patient=Patient/{g.PatientId}")).Count);
        Assert.NotEmpty(await _reader.SearchAsync<ChargeItem>($"patient=Patient/{g.PatientId}"));
    }

    [Fact]
    public async Task EhrGivesNoAnswerToTheSecondTryAfterA412_TheItemIsRetriedOnTheSchedule_NotParked()
    {
        using var harness = new DeliveryHarness(server.FhirBase, new Dictionary<string, string?>
        {
            ["Fhir:Delivery:AttemptTimeout"] = "00:00:01",
            ["Fhir:Delivery:InProcessRetries"] = "0",
        });
        var device = new Device { Identifier = [new Identifier(DeliveryHarness.DeviceSystem, SessionScenario.ControllerId)] };
        await _reader.CreateAsync(device);
        await _reader.CreateAsync(device);
        var record = SimulatedSessions.Normal("shp-hang");
        var j = await PatientAsync("transaction", "J");
        await server.Control("hang-next?method=POST&skip=1");

        var item = harness.Enqueue(record, Context(record, j, SimulatedSessions.Charges(record)));
        await harness.Dispatcher.DispatchDueAsync(CancellationToken.None);

        var after = harness.Outbox[item.Id];
        Assert.Equal(OutboxStatus.Pending, after.Status);
        Assert.Equal(OutboxAttemptOutcome.TransientFailure, Assert.Single(after.Attempts).Outcome);
        Assert.Equal(OutboxStatus.Sent, (await harness.SettleAsync(item.Id)).Status);
        Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{j.PatientId}"));
    }

    [Fact]
    public async Task VoidedSession_KeepsItsClinicalContent_ItsDeviationsStayInTheProcedureNote()
    {
        await server.Control("mode?name=epic");
        using var harness = Harness(FhirDeliveryShape.Individual);
        var (completed, voided) = SimulatedSessions.ShortPostcoolThenVoided("shp-void-note");
        var k = await PatientAsync("epic", "K");
        await SendAsync(harness, completed, k, SimulatedSessions.Charges(completed));
        var sent = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{k.PatientId}")).Note[0].Text;

        await SendAsync(harness, voided, k, SimulatedSessions.Charges(voided));

        var withdrawn = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{k.PatientId}"));
        Assert.Equal(EventStatus.EnteredInError, withdrawn.Status);
        Assert.Contains("Post-cooled 60 of 90 min", sent, StringComparison.Ordinal);
        Assert.StartsWith(sent[..sent.IndexOf("Deviations:", StringComparison.Ordinal)], withdrawn.Note[0].Text, StringComparison.Ordinal);
        Assert.Contains("Post-cooled 60 of 90 min", withdrawn.Note[0].Text, StringComparison.Ordinal);
        Assert.Contains("Entered in error", withdrawn.Note[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MillenniumDocumentationAfterTheEnd_TheHandEditNamesWhatChanged_NeverWhatIsAlreadyTrue()
    {
        await server.Control("mode?name=millennium");
        using var harness = Harness(FhirDeliveryShape.Millennium);
        var (ended, documented) = SimulatedSessions.CompletedThenDocumented("shp-hand-edit");
        var l = await PatientAsync("millennium", "L");
        await SendAsync(harness, ended, l, SimulatedSessions.Charges(ended));

        var correction = await SendAsync(harness, documented, l, SimulatedSessions.Charges(documented), correction: true, expect: OutboxStatus.Parked);

        var procedure = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{l.PatientId}"));
        Assert.Equal(EventStatus.Completed, procedure.Status);
        Assert.DoesNotContain("to completed", correction.ParkedReason, StringComparison.Ordinal);
        Assert.Equal(OutboxAttemptOutcome.SentButStaffMustFinish, correction.Attempts[^1].Outcome); // shown as such, not "Rejected"
        var expected = $"add to the note of Procedure/{procedure.Id} in the EHR by hand: \"Adverse events: headache.\"";
        Assert.True(correction.ParkedReason!.Contains(expected, StringComparison.Ordinal), correction.ParkedReason);
    }

    private DeliveryHarness Harness(FhirDeliveryShape shape) => new(server.FhirBase, new Dictionary<string, string?>
    {
        ["Fhir:Delivery:Shape"] = shape.ToString(),
        ["Fhir:Delivery:BillCodeSystem"] = BillCodes,
    });

    private async Task<OutboxItem> SendAsync(
        DeliveryHarness harness, ScalpCoolingSessionRecord record, EhrPatient patient, IReadOnlyList<CodeDecision> charges, bool correction = false, OutboxStatus? expect = OutboxStatus.Sent)
    {
        var item = await harness.SettleAsync(harness.Enqueue(record, Context(record, patient, charges), correction).Id);
        if (expect is { } status)
        {
            Assert.True(item.Status == status, $"{item.Status}: {item.ParkedReason}\n{string.Join("\n---\n", item.Attempts.Select(a => a.ServerMessage))}");
        }

        return item;
    }

    /// <summary>The patient, the visit, the nurses and the order exist at the EHR; every target is given identifiers to resolve (MRN, visit number, NPI).</summary>
    private async Task<EhrPatient> PatientAsync(string mode, string name)
    {
        var mrn = $"MRN-{mode}-{name}";
        var patientId = await _reader.CreateAsync(new Patient { Identifier = [new Identifier(MrnSystem, mrn)] });
        var encounterId = await _reader.CreateAsync(new Encounter
        {
            Identifier = [new Identifier(VisitSystem, "V-" + mrn)],
            Status = Encounter.EncounterStatus.InProgress,
            Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB"),
            Subject = new ResourceReference($"Patient/{patientId}"),
        });
        if ((await _reader.SearchAsync<Practitioner>($"identifier={Npi}|1234567893")).Count == 0)
        {
            await _reader.CreateAsync(new Practitioner { Identifier = [new Identifier(Npi, "1234567893")] });
            await _reader.CreateAsync(new Practitioner { Identifier = [new Identifier(Npi, "1999999984")] });
        }

        var administrationId = await _reader.CreateAsync(Administration(patientId, encounterId));
        return new EhrPatient(patientId, encounterId, mrn, administrationId);
    }

    private static SessionFhirContext Context(ScalpCoolingSessionRecord record, EhrPatient patient, IReadOnlyList<CodeDecision> charges) => new()
    {
        Patient = EhrReference.ByIdentifier("Patient", MrnSystem, patient.Mrn),
        Encounter = EhrReference.ByIdentifier("Encounter", VisitSystem, "V-" + patient.Mrn),
        Administration = EhrReference.ById("MedicationAdministration", patient.AdministrationId),
        Practitioners = new Dictionary<string, EhrReference>(StringComparer.Ordinal)
        {
            [SessionScenario.NurseId] = EhrReference.ByIdentifier("Practitioner", Npi, "1999999984"),
            [SessionScenario.EndingNurse] = EhrReference.ByIdentifier("Practitioner", Npi, "1234567893"),
        },
        Charges = charges,
    };

    private static IReadOnlyList<CodeDecision> ChargesTogether(params ScalpCoolingSessionRecord[] records)
    {
        var courses = records.Select(r => ScalpCoolingCourse.Create(r.Plan.CourseId, r.Plan.PatientReference, "paclitaxel weekly", r.Plan.FirstOfCourse, [r]));
        return [.. ScalpCoolingBilling.Evaluate([.. courses], BillingPolicy.Default).SelectMany(e => e.All)];
    }

    private static int Billable(IReadOnlyList<CodeDecision> charges) => charges.Count(c => c.Billable);

    /// <summary>The chemotherapy administration the session is part of, as the EHR holds it.</summary>
    private static MedicationAdministration Administration(string patientId, string encounterId, Identifier? identifier = null) => new()
    {
        Identifier = identifier is null ? [] : [identifier],
        Status = MedicationAdministration.MedicationAdministrationStatusCodes.InProgress,
        Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", "56946", "paclitaxel"),
        Subject = new ResourceReference($"Patient/{patientId}"),
        Context = new ResourceReference($"Encounter/{encounterId}"),
        Effective = new FhirDateTime(SimulatedSessions.Morning),
    };

    private static MedicationAdministration Administration(EhrPatient patient, Identifier identifier) => Administration(patient.PatientId, patient.EncounterId, identifier);

    private sealed record EhrPatient(string PatientId, string EncounterId, string Mrn, string AdministrationId);

    /// <summary>What each target keeps of a session: Devices, Observations and ChargeItems, or only some.</summary>
    private sealed record Takes(bool Device, bool Observations, bool AllCharges, bool BillableCharges)
    {
        public static Takes For(string mode) => mode switch
        {
            "transaction" => new Takes(true, true, true, false),
            "epic" => new Takes(false, true, false, false),
            _ => new Takes(false, false, false, true),
        };

        public Dictionary<string, int> Counts(int procedures, int observations, IReadOnlyList<CodeDecision> charges, int billable) => new(StringComparer.Ordinal)
        {
            ["Device"] = Device ? 1 : 0,
            ["Procedure"] = procedures,
            ["Observation"] = Observations ? observations : 0,
            ["ChargeItem"] = AllCharges ? charges.Count : BillableCharges ? billable : 0,
        };
    }
}
