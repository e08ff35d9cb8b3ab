using Hl7.Fhir.Model;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace InfusionSuite.Fhir.Tests;

/// <summary>Delivery against a real FHIR server (Medplum's FHIR router), with injected faults.</summary>
[Collection(FhirServerCollection.Name)]
public sealed class FhirServerDeliveryTests(FhirServerFixture server) : IAsyncLifetime, IDisposable
{
    private readonly FhirServerReader _reader = new(server);

    public Task InitializeAsync() => server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _reader.Dispose();

    [Fact]
    public async Task FinishedSession_LeavesExactlyOneOfEachResourceReadableAndSearchable()
    {
        var patientId = await _reader.CreatePatientAsync("MRN-1");
        using var harness = new DeliveryHarness(server.FhirBase);
        var record = SimulatedSessions.Normal("srv-1");

        var item = await harness.SettleAsync(harness.Enqueue(record, await AtTheEhrAsync(record, SimulatedSessions.Context(record, patientId))).Id);

        Assert.Equal(OutboxStatus.Sent, item.Status);
        await AssertOneOfEachAsync(patientId, calibrated: false);
        var procedure = Assert.Single(await _reader.ByIdentifierAsync<Procedure>("srv-1", "97008"));
        var read = await _reader.ReadAsync<Procedure>(procedure.Id);
        Assert.Equal(EventStatus.Completed, read.Status);
        Assert.Equal($"Patient/{patientId}", read.Subject.Reference);
        var device = Assert.Single(await _reader.SearchAsync<Device>($"identifier={DeliveryHarness.DeviceSystem}|{SessionScenario.ControllerId}"));
        Assert.Equal($"Device/{device.Id}", read.UsedReference.Single().Reference);
        var observation = Assert.Single(await _reader.ByIdentifierAsync<Observation>("srv-1", "observation/pre-cooling"));
        Assert.Equal($"Procedure/{procedure.Id}", observation.PartOf.Single().Reference);
        var charge = Assert.Single(await _reader.ByIdentifierAsync<ChargeItem>("srv-1", "charge/97008"));
        Assert.Equal(ChargeItem.ChargeItemStatus.Billable, charge.Status);
        Assert.Equal($"Procedure/{procedure.Id}", charge.Service.Single().Reference);
        Assert.Contains("created", item.Attempts.Single().ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptedTransaction_TheSummarySaysWhatTheEhrDidWithEachEntry_NotWhatWasAsked()
    {
        var patientId = await _reader.CreatePatientAsync("MRN-SUM");
        using var harness = new DeliveryHarness(server.FhirBase);
        var record = SimulatedSessions.Normal("srv-sum");
        var context = await AtTheEhrAsync(record, SimulatedSessions.Context(record, patientId));

        var first = await harness.SettleAsync(harness.Enqueue(record, context).Id);
        var again = await harness.SettleAsync(harness.Enqueue(record, context).Id);

        var summary = harness.Services.GetServices<IOutboxPayloadSummary>().Single(s => s.ContentType == first.ContentType);
        var procedure = Assert.Single(await _reader.ByIdentifierAsync<Procedure>("srv-sum", "97008"));
        var lines = summary.Summarize(first);
        Assert.DoesNotContain(lines, l => l.Contains("(create)", StringComparison.Ordinal) || l.Contains("(create Device)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Procedure 97008", StringComparison.Ordinal) && l.Contains($"(created Procedure/{procedure.Id})", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Contains("created ", l, StringComparison.Ordinal));
        var replayed = summary.Summarize(again);
        Assert.Contains(replayed, l => l.StartsWith("Procedure 97008", StringComparison.Ordinal) && l.Contains($"(already at the EHR Procedure/{procedure.Id})", StringComparison.Ordinal));
        var entry = Assert.Single(first.Attempts.Single().Resources, r => r.Key == "Procedure 97008");
        Assert.Equal((201, "POST Procedure"), (entry.HttpStatus, entry.Request));
    }

    [Fact]
    public async Task FirstOfCourseSession_AlsoLeavesOneProcedure97007AndItsCharge()
    {
        var patientId = await _reader.CreatePatientAsync("MRN-2");
        using var harness = new DeliveryHarness(server.FhirBase);
        var record = SimulatedSessions.FirstOfCourse("srv-2");

        await harness.SettleAsync(harness.Enqueue(record, await AtTheEhrAsync(record, SimulatedSessions.Context(record, patientId))).Id);

        var calibration = Assert.Single(await _reader.ByIdentifierAsync<Procedure>("srv-2", "97007"));
        Assert.Equal("97007", calibration.Code.Coding[0].Code);
        Assert.Single(await _reader.ByIdentifierAsync<ChargeItem>("srv-2", "charge/97007"));
        await AssertOneOfEachAsync(patientId, calibrated: true);
    }

    [Fact]
    public async Task SameItemSentTwice_StillLeavesOneOfEach()
    {
        var patientId = await _reader.CreatePatientAsync("MRN-3");
        using var harness = new DeliveryHarness(server.FhirBase);
        var record = SimulatedSessions.FirstOfCourse("srv-3");
        var context = await AtTheEhrAsync(record, SimulatedSessions.Context(record, patientId));
        var first = harness.Enqueue(record, context);
        var again = harness.Enqueue(record, context);

        await harness.SettleAsync(first.Id);
        var second = await harness.SettleAsync(again.Id);

        Assert.Equal(OutboxStatus.Sent, second.Status);
        Assert.Contains("0 created", second.Attempts.Single().ServerMessage, StringComparison.Ordinal);
        await AssertOneOfEachAsync(patientId, calibrated: true);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    public async Task ResponseLostAfterTheServerCommitted_RetryLeavesOneOfEach(string inProcessRetries)
    {
        var patientId = await _reader.CreatePatientAsync("MRN-4-" + inProcessRetries);
        using var harness = new DeliveryHarness(server.FhirBase, new Dictionary<string, string?> { ["Fhir:Delivery:InProcessRetries"] = inProcessRetries });
        var record = SimulatedSessions.Normal("srv-4-" + inProcessRetries);
        await server.Control("drop-response-next?method=POST");

        var item = await harness.SettleAsync(harness.Enqueue(record, await AtTheEhrAsync(record, SimulatedSessions.Context(record, patientId))).Id);

        Assert.Equal(OutboxStatus.Sent, item.Status);
        Assert.Equal(2, (await server.StatsAsync()).GetProperty("transactions").GetInt32());
        await AssertOneOfEachAsync(patientId, calibrated: false);
    }

    [Fact]
    public async Task ServerDownForAWhile_RetriesThenDeliversExactlyOnce()
    {
        var patientId = await _reader.CreatePatientAsync("MRN-5");
        using var harness = new DeliveryHarness(server.FhirBase);
        var record = SimulatedSessions.Normal("srv-5");
        await server.Control("refuse-next?count=3&method=POST");
        await server.Control("fail-next?status=503&count=2&method=POST");
        await server.Control("fail-next?status=502&count=1&method=POST");

        var item = await harness.SettleAsync(harness.Enqueue(record, await AtTheEhrAsync(record, SimulatedSessions.Context(record, patientId))).Id);

        Assert.Equal(OutboxStatus.Sent, item.Status);
        Assert.Equal(4, item.Attempts.Count);
        Assert.All(item.Attempts.Take(3), a => Assert.Equal(OutboxAttemptOutcome.TransientFailure, a.Outcome));
        Assert.Equal([null, 503, 502, 200], item.Attempts.Select(a => a.HttpStatus));
        await AssertOneOfEachAsync(patientId, calibrated: false);
    }

    [Fact]
    public async Task ServerRefusesWithA4xx_ItemParksWithTheServersMessageAndStaffCanRequeueIt()
    {
        var patientId = await _reader.CreatePatientAsync("MRN-6");
        using var harness = new DeliveryHarness(server.FhirBase);
        var record = SimulatedSessions.Normal("srv-6");
        await server.Control("reject-next?status=422&method=POST&message=" + Uri.EscapeDataString("Procedure.code 0663T is not on the charge master"));

        var parked = await harness.SettleAsync(harness.Enqueue(record, await AtTheEhrAsync(record, SimulatedSessions.Context(record, patientId))).Id);

        Assert.Equal(OutboxStatus.Parked, parked.Status);
        Assert.Equal("Procedure.code 0663T is not on the charge master", parked.ParkedReason);
        var attempt = Assert.Single(parked.Attempts);
        Assert.Equal((OutboxAttemptOutcome.Rejected, 422), (attempt.Outcome, attempt.HttpStatus));
        Assert.Equal(0, (await _reader.CountsForPatientAsync(patientId))["Procedure"]);

        Assert.True(await harness.Outbox.RequeueAsync(parked.Id, TimeProvider.System.GetUtcNow(), CancellationToken.None));
        var sent = await harness.SettleAsync(parked.Id);

        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts.Count);
        Assert.Equal(1, (await _reader.CountsForPatientAsync(patientId))["Procedure"]);
    }

    [Fact]
    public async Task TooManyRequestsWithALongRetryAfter_IsLeftToTheOutboxScheduleNotRetriedInProcess()
    {
        var patientId = await _reader.CreatePatientAsync("MRN-7");
        using var harness = new DeliveryHarness(server.FhirBase);
        var record = SimulatedSessions.Normal("srv-7");
        await server.Control("fail-next?status=429&retryAfter=120&method=POST");
        var item = harness.Enqueue(record, await AtTheEhrAsync(record, SimulatedSessions.Context(record, patientId)));
        var before = TimeProvider.System.GetUtcNow();
        var postsBefore = (await server.StatsAsync()).GetProperty("posts").GetInt32();

        await harness.Dispatcher.DispatchDueAsync(CancellationToken.None);

        var waiting = harness.Outbox[item.Id];
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Equal(429, waiting.Attempts.Single().HttpStatus);
        Assert.True(waiting.NextAttemptAt >= before + TimeSpan.FromSeconds(120), $"next attempt {waiting.NextAttemptAt:o}");
        Assert.Equal(postsBefore + 1, (await server.StatsAsync()).GetProperty("posts").GetInt32()); // the Bundle went once
    }

    [Fact]
    public async Task VoidingASentSession_TurnsItsProceduresObservationsAndChargesEnteredInErrorWithoutDuplicates()
    {
        var patientId = await _reader.CreatePatientAsync("MRN-8");
        using var harness = new DeliveryHarness(server.FhirBase);
        var (completed, voided) = SimulatedSessions.CompletedThenVoided("srv-8", firstOfCourse: true);
        await harness.SettleAsync(harness.Enqueue(completed, await AtTheEhrAsync(completed, SimulatedSessions.Context(completed, patientId))).Id);
        var before = Assert.Single(await _reader.ByIdentifierAsync<Procedure>("srv-8", "97008"));

        var voidItem = harness.Enqueue(voided, await AtTheEhrAsync(voided, SimulatedSessions.Context(voided, patientId)));
        Assert.Equal(OutboxItemKind.Void, voidItem.Kind);
        await harness.SettleAsync(voidItem.Id);

        var after = Assert.Single(await _reader.ByIdentifierAsync<Procedure>("srv-8", "97008"));
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(EventStatus.EnteredInError, after.Status);
        Assert.Equal(EventStatus.EnteredInError, Assert.Single(await _reader.ByIdentifierAsync<Procedure>("srv-8", "97007")).Status);
        Assert.All(await _reader.SearchAsync<ChargeItem>($"patient=Patient/{patientId}"), c => Assert.Equal(ChargeItem.ChargeItemStatus.EnteredInError, c.Status));
        Assert.All(await _reader.SearchAsync<Observation>($"patient=Patient/{patientId}"), o => Assert.Equal(ObservationStatus.EnteredInError, o.Status));
        await AssertOneOfEachAsync(patientId, calibrated: true);
    }

    /// <summary>One Device, the Procedure(s), six Observations and the ChargeItem(s): nothing twice.</summary>
    private async Task AssertOneOfEachAsync(string patientId, bool calibrated)
    {
        var perCode = calibrated ? 2 : 1;
        Assert.Equal(
            new Dictionary<string, int> { ["Device"] = 1, ["Procedure"] = perCode, ["Observation"] = 6, ["ChargeItem"] = perCode + 1 }, // 97009 beside its 97008
            await _reader.CountsForPatientAsync(patientId));
    }

    [Fact]
    public async Task PatientGivenByMrn_IsLookedUpAndSentAsTheEhrsLiteralReference()
    {
        using var harness = new DeliveryHarness(server.FhirBase);
        var record = SimulatedSessions.Normal("srv-9");
        var patientId = await _reader.CreatePatientAsync("MRN-9");
        var context = await AtTheEhrAsync(record, SimulatedSessions.Context(record) with
        {
            Patient = EhrReference.ByIdentifier("Patient", FhirServerReader.MrnSystem, "MRN-9"),
            Encounter = null,
        });

        var item = await harness.SettleAsync(harness.Enqueue(record, context).Id);

        Assert.Equal(OutboxStatus.Sent, item.Status);
        var procedure = Assert.Single(await _reader.ByIdentifierAsync<Procedure>("srv-9", "97008"));
        Assert.Equal("Patient/" + patientId, procedure.Subject.Reference);
        Assert.Null(procedure.Subject.Identifier);
    }

    /// <summary>The session's references made to be at the EHR, as a clinic's are (delivery checks each of them there).</summary>
    private async Task<SessionFhirContext> AtTheEhrAsync(ScalpCoolingSessionRecord record, SessionFhirContext context)
    {
        await _reader.HoldAsync(record, context);
        return context;
    }
}
