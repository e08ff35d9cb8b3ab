// FHIR model navigation is nullable at every step; the tests assert on it instead of null-checking.
#nullable disable warnings

using Hl7.Fhir.Model;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Staff;
using InfusionSuite.Demo;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Fhir.Tests;
using InfusionSuite.Host.Commands;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace InfusionSuite.Worker.Tests.Delivery;

/// <summary>
/// Simulator → mosquitto → worker (real SQLite file) → the session's end and its outbox item in one
/// transaction → dispatcher → the test FHIR server (Medplum): exactly one of each resource, a void
/// turns them entered-in-error, and a pending item survives a restart.
/// </summary>
[Collection(FhirServerCollection.Name)]
public sealed class EhrDeliveryTests(FhirServerFixture server) : IAsyncLifetime, IDisposable
{
    private const double Scale = 1000;
    private readonly FhirServerReader _reader = new(server);

    public Task InitializeAsync() => server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _reader.Dispose();

    [Fact(Timeout = 150_000)]
    public async Task FirstOfCourseSessionOverMosquitto_ReachesTheEhrOnce_AndItsVoidTurnsItEnteredInError()
    {
        var patientId = await _reader.CreatePatientAsync("MRN-E2E-1");
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var clock = new ScaledTimeProvider(Scale, Scenarios.Start);
        var settings = Ehr(Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-ehr"), server.FhirBase);
        await using var worker = await WorkerHost.StartAsync(settings, clock);
        await Wait.UntilAsync(() => worker.Services.GetRequiredService<ControllerPresence>().IsLinkUp("mqtt"), "the MQTT link");
        var nurse = new MarkerNurse(clock, "nurse-7", m => PatientVisit.ForController(m.ControllerId) with { PatientReference = "Patient/" + patientId });
        nurse.Attach(worker.Nurse);

        var chair = SimulatedChair.Numbered(0);
        var visit = PatientVisit.ForController(chair.ControllerId);
        await _reader.HoldAsync(TestEhrChart.ForWorkerSession("Patient/" + patientId, visit.EncounterReference, visit.Administration.Reference, ["nurse-7", "nurse-8"]));
        await using (var output = new MqttControllerOutput(new MqttOutputOptions { Host = broker.Host, Port = broker.Port, Site = "clinic", ControllerId = chair.ControllerId }))
        {
            await new SimulatedController(Scenarios.Light("normal"), chair, seed: 1, output, clock, clock.GetUtcNow()).RunAsync(nurse, Wait.Token(TimeSpan.FromSeconds(40)));
        }

        Assert.Empty(nurse.Failures);
        var sessionId = nurse.SessionByController[chair.ControllerId];
        var outbox = worker.Services.GetRequiredService<IOutbox>();
        var sent = await SettledAsync(outbox, sessionId, OutboxItemKind.Session);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.True(sent.Validation!.IsValid, sent.Validation.ErrorText);
        Assert.Single(sent.Attempts);
        await AssertOneOfEachAsync(patientId, calibrated: true);
        var placement = Assert.Single(await _reader.ByIdentifierAsync<Procedure>(sessionId, "97008"));
        Assert.Equal(EventStatus.Completed, placement.Status);
        Assert.Equal(ChargeItem.ChargeItemStatus.Billable, Assert.Single(await _reader.ByIdentifierAsync<ChargeItem>(sessionId, "charge/97007")).Status);

        var voided = await worker.Nurse.VoidAsync(sessionId, "nurse-8", VoidReason.WrongPatient, null, Wait.Token());
        Assert.True(voided.IsAccepted, voided.Message);
        Assert.Equal(OutboxStatus.Sent, (await SettledAsync(outbox, sessionId, OutboxItemKind.Void)).Status);

        var after = Assert.Single(await _reader.ByIdentifierAsync<Procedure>(sessionId, "97008"));
        Assert.Equal((placement.Id, EventStatus.EnteredInError), (after.Id, after.Status));
        Assert.All(await _reader.SearchAsync<Observation>($"patient=Patient/{patientId}"), o => Assert.Equal(ObservationStatus.EnteredInError, o.Status));
        Assert.All(await _reader.SearchAsync<ChargeItem>($"patient=Patient/{patientId}"), c => Assert.Equal(ChargeItem.ChargeItemStatus.EnteredInError, c.Status));
        await AssertOneOfEachAsync(patientId, calibrated: true);
    }

    [Fact(Timeout = 60_000)]
    public async Task NoEhrConfigured_BundleIsKeptAndExportable_ThenAfterARestartWithTheEhrItIsDeliveredOnce()
    {
        var patientId = await _reader.CreatePatientAsync("MRN-E2E-2");
        using var db = new TempDatabase();
        var clock = new ScaledTimeProvider(Scale, Scenarios.Start);
        string sessionId;
        OutboxItem kept;
        await using (var first = await WorkerHost.StartAsync(Settings.For(db.Path), clock))
        {
            sessionId = await CompletedByTheNurseAsync(first, "Patient/" + patientId);
            kept = await Wait.ForAsync(
                async () => (await first.Services.GetRequiredService<IOutbox>().ListAsync(new OutboxQuery(SessionId: sessionId), Wait.Token())).SingleOrDefault(),
                "the outbox item");
            Assert.Equal((OutboxStatus.Pending, OutboxItemKind.Session), (kept.Status, kept.Kind));
            Assert.Empty(kept.Attempts);

            var file = Path.Combine(Path.GetDirectoryName(db.Path)!, "bundles.ndjson");
            Assert.Equal(0, await HostCommandLine.InvokeAsync(["export-bundles", "--out", file, "--Storage:DatabasePath=" + db.Path], CommandConsole.Standard));
            var line = Assert.Single(await File.ReadAllLinesAsync(file));
            Assert.Equal(kept.Payload, line);
            Assert.Equal(Bundle.BundleType.Transaction, FhirJson.Parse<Bundle>(line).Type);
        }

        Assert.Equal(0, (await _reader.CountsForPatientAsync(patientId))["Procedure"]);
        await _reader.HoldAsync(TestEhrChart.ForWorkerSession("Patient/" + patientId, null, "ma-41", ["nurse-3"]));
        await using var second = await WorkerHost.StartAsync(Ehr(Settings.For(db.Path), server.FhirBase, validate: false), clock);
        var delivered = await SettledAsync(second.Services.GetRequiredService<IOutbox>(), sessionId, OutboxItemKind.Session);

        Assert.Equal((kept.Id, OutboxStatus.Sent), (delivered.Id, delivered.Status));
        Assert.Single(delivered.Attempts);
        await AssertOneOfEachAsync(patientId, calibrated: false);
    }

    [Fact(Timeout = 90_000)]
    public async Task EpicLikeEhr_IndividualShapeDeliversWhatItTakes_AndAHeldItemIsListedAndHandledOutsideFromTheCommandLine()
    {
        await server.Control("mode?name=epic");
        var patientId = await _reader.CreatePatientAsync("MRN-E2E-3");
        await _reader.HoldAsync(TestEhrChart.ForWorkerSession("Patient/" + patientId, null, "ma-41", ["nurse-3"])); // the order the nurse picks at the start ("ma-41"): every reference is checked at the EHR
        using var db = new TempDatabase();
        var clock = new ScaledTimeProvider(Scale, Scenarios.Start);
        var settings = Ehr(Settings.For(db.Path), server.FhirBase, validate: false);
        settings["Fhir:Delivery:Shape"] = "Individual";
        await using var worker = await WorkerHost.StartAsync(settings, clock);
        worker.ExpectErrors("parked for staff");
        var outbox = worker.Services.GetRequiredService<IOutbox>();

        var delivered = await SettledAsync(outbox, await CompletedByTheNurseAsync(worker, "Patient/" + patientId), OutboxItemKind.Session);
        Assert.Equal(OutboxStatus.Sent, delivered.Status);
        Assert.Equal(
            new Dictionary<string, int> { ["Device"] = 0, ["Procedure"] = 1, ["Observation"] = 6, ["ChargeItem"] = 0 },
            await _reader.CountsForPatientAsync(patientId));
        Assert.Contains("ChargeItem charge/97008 → left out (the EHR does not take ChargeItem)", delivered.Attempts.Single().ServerMessage, StringComparison.Ordinal);

        var held = await SettledAsync(outbox, await CompletedByTheNurseAsync(worker, "MRN-NOT-AT-THE-EHR"), OutboxItemKind.Session);
        Assert.Equal(OutboxStatus.Parked, held.Status);
        Assert.StartsWith("Held: references not at the EHR: the patient (by MRN): not found. Nothing was sent", held.ParkedReason, StringComparison.Ordinal);
        var listed = new StringWriter();
        Assert.Equal(0, await HostCommandLine.InvokeAsync(["outbox", "parked", "--Storage:DatabasePath=" + db.Path], new CommandConsole(TextReader.Null, listed, listed)));
        Assert.Contains(held.Id.ToString("D"), listed.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await HostCommandLine.InvokeAsync(["outbox", "handled", held.Id.ToString("D"), "--note", "Keyed into the EHR by hand", "--Storage:DatabasePath=" + db.Path], CommandConsole.Standard));

        var handled = (await outbox.ListAsync(new OutboxQuery(SessionId: held.SessionId), Wait.Token())).Single(i => i.Id == held.Id);
        Assert.Equal(OutboxStatus.HandledOutside, handled.Status);
        var audit = await worker.Services.GetRequiredService<IStaffAccounts>().AuditAsync(20, Wait.Token());
        Assert.Contains(audit, a => a.Action == ParkedItemActions.HandledOutsideAction && a.Subject == "outbox item " + held.Id.ToString("D") && a.Detail == "Keyed into the EHR by hand"
            && a.Actor == $"command-line ({Environment.UserName})");
        listed.GetStringBuilder().Clear();
        Assert.Equal(0, await HostCommandLine.InvokeAsync(["outbox", "parked", "--Storage:DatabasePath=" + db.Path], new CommandConsole(TextReader.Null, listed, listed)));
        Assert.DoesNotContain(held.Id.ToString("D"), listed.ToString(), StringComparison.Ordinal);
    }

    /// <summary>EHR delivery settings on the scaled clock: a poll every 5 simulated minutes is 0.3 s; an attempt may take 36 s.</summary>
    private static Dictionary<string, string?> Ehr(Dictionary<string, string?> settings, Uri baseUrl, bool validate = true)
    {
        settings["Fhir:Delivery:BaseUrl"] = baseUrl.ToString();
        settings["Fhir:Mapping:Site"] = "worker-tests";
        settings["Fhir:Delivery:ValidateBeforeSending"] = validate ? "true" : "false";
        settings["Fhir:Delivery:PollInterval"] = "00:05:00";
        settings["Fhir:Delivery:AttemptTimeout"] = "10:00:00";
        settings["Fhir:Delivery:MaxInProcessRetryAfter"] = "10:00:00";
        return settings;
    }

    /// <summary>A session documented by the nurse alone (no controller): start, cap on, infusion, cap off.</summary>
    private static async Task<string> CompletedByTheNurseAsync(WorkerHost worker, string patient)
    {
        var started = await worker.Nurse.StartSessionAsync(
            new("nurse-3", "CHAIR-41", "course-41", patient, new ChemoAdministration("ma-41", "96413"), RegimenPreset: "Standard", ConfirmUnheardController: true), Wait.Token());
        var id = started.SessionId!;
        Assert.True((await worker.Nurse.CapPlacedAsync(id, "nurse-3", null, Wait.Token())).IsAccepted);
        Assert.True((await worker.Nurse.InfusionStartedAsync(id, "nurse-3", null, Wait.Token())).IsAccepted);
        Assert.True((await worker.Nurse.InfusionEndedAsync(id, "nurse-3", null, Wait.Token())).IsAccepted);
        var removed = await worker.Nurse.CapRemovedAsync(id, "nurse-3", null, Wait.Token());
        Assert.Equal(SessionStatus.Completed, removed.Record!.Status);
        return id;
    }

    private static Task<OutboxItem> SettledAsync(IOutbox outbox, string sessionId, OutboxItemKind kind) =>
        Wait.ForAsync(
            async () => (await outbox.ListAsync(new OutboxQuery(SessionId: sessionId), Wait.Token()))
                .SingleOrDefault(i => i.Kind == kind && i.Status != OutboxStatus.Pending),
            $"the {kind} item of {sessionId} to be sent or parked",
            TimeSpan.FromSeconds(90));

    /// <summary>One Device, the Procedure(s), six Observations and the ChargeItem(s): nothing twice.</summary>
    private async Task AssertOneOfEachAsync(string patientId, bool calibrated)
    {
        var perCode = calibrated ? 2 : 1;
        Assert.Equal(
            new Dictionary<string, int> { ["Device"] = 1, ["Procedure"] = perCode, ["Observation"] = 6, ["ChargeItem"] = perCode + 1 }, // 97009 beside its 97008
            await _reader.CountsForPatientAsync(patientId));
    }
}
