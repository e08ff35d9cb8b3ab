using Hl7.Fhir.Model;
using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Fhir.Delivery;
using InfusionSuite.Fhir.Outcomes;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// A corrected outcome assessment, then one entered in error, delivered to a real FHIR server: the Observations
/// sent before are updated in place (same ids: corrected, or entered-in-error), each once, even when sent twice;
/// in the one-resource-at-a-time shape by the ids the EHR gave.
/// </summary>
[Collection(FhirServerCollection.Name)]
public sealed class CourseOutcomeCorrectionTests(FhirServerFixture server) : IAsyncLifetime, IDisposable
{
    private const string System = "urn:infusionsuite:scalp-cooling-session|";
    private readonly FhirServerReader _reader = new(server);

    public static TheoryData<string, FhirDeliveryShape> Targets => new()
    {
        { "transaction", FhirDeliveryShape.Transaction },
        { "epic", FhirDeliveryShape.Individual },
    };

    public Task InitializeAsync() => server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _reader.Dispose();

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task CorrectedThenEnteredInError_UpdatesTheSameObservationsOnce(string mode, FhirDeliveryShape shape)
    {
        await server.Control($"mode?name={mode}");
        var patientId = await _reader.CreatePatientAsync("MRN-FIX-" + mode);
        await _reader.CreateAsync(new Practitioner { Identifier = [new Identifier("urn:infusionsuite:user", SessionScenario.NurseId)] });
        using var harness = new DeliveryHarness(server.FhirBase, new Dictionary<string, string?> { ["Fhir:Delivery:Shape"] = shape.ToString() });
        var participant = harness.Services.GetServices<ICourseOutcomeParticipant>().OfType<FhirCourseOutcomeParticipant>().Single();
        var course = CourseOutcomeSamples.Course("Patient/" + patientId);
        var recorded = CourseOutcomeSamples.Assessment();
        await SettleAsync(harness, await participant.OnAssessmentAsync(course, recorded, default));
        var dean = Assert.Single(await ObservationsAsync(CourseOutcomeBundle.DeanCode));

        // Corrected: Dean 2 → 3, CTCAE stays 1, "stopped cooling" no longer stated. Sent twice.
        var fix = new AssessmentChange("fix-1", recorded.AssessmentId, AssessmentChangeKind.Corrected, null, 3, 1, false, null, "scored the wrong photo", "nurse-2", CourseOutcomeSamples.At.AddDays(1));
        var corrected = fix.ApplyTo(recorded)!;
        var correction = await SettleAsync(harness, await participant.OnAssessmentChangedAsync(course, recorded, fix, corrected, default));
        await SettleAsync(harness, await participant.OnAssessmentChangedAsync(course, recorded, fix, corrected, default));
        Assert.Equal(OutboxItemKind.Correction, correction.Kind);

        var deanAfter = Assert.Single(await ObservationsAsync(CourseOutcomeBundle.DeanCode));
        Assert.Equal(dean.Id, deanAfter.Id);
        Assert.Equal(ObservationStatus.Corrected, deanAfter.Status);
        Assert.Equal(3, ((Integer)deanAfter.Value).Value);
        Assert.Contains(deanAfter.Note, n => n.Text == "Corrected: scored the wrong photo");
        Assert.Equal(ObservationStatus.Corrected, Assert.Single(await ObservationsAsync(CourseOutcomeBundle.CtcaeCode)).Status);
        Assert.Equal(ObservationStatus.EnteredInError, Assert.Single(await ObservationsAsync(CourseOutcomeBundle.StoppedCode)).Status);
        if (shape != FhirDeliveryShape.Transaction)
        {
            Assert.Contains(new ReceiverResource($"Observation a-1/{CourseOutcomeBundle.DeanCode}", "Observation/" + dean.Id, "updated"), correction.Attempts[^1].Resources);
        }

        // Entered in error: every finding still standing is withdrawn, in place.
        var withdrawal = new AssessmentChange("fix-2", recorded.AssessmentId, AssessmentChangeKind.EnteredInError, null, null, null, false, null, "wrong patient", "nurse-2", CourseOutcomeSamples.At.AddDays(2));
        var voided = await SettleAsync(harness, await participant.OnAssessmentChangedAsync(course, corrected, withdrawal, null, default));
        Assert.Equal(OutboxItemKind.Void, voided.Kind);
        foreach (var code in new[] { CourseOutcomeBundle.DeanCode, CourseOutcomeBundle.CtcaeCode, CourseOutcomeBundle.StoppedCode })
        {
            Assert.Equal(ObservationStatus.EnteredInError, Assert.Single(await ObservationsAsync(code)).Status);
        }

        Assert.Equal(3, (await _reader.SearchAsync<Observation>($"patient=Patient/{patientId}")).Count);
    }

    private Task<List<Observation>> ObservationsAsync(string code) => _reader.SearchAsync<Observation>("identifier=" + System + "a-1/" + code);

    private static async Task<OutboxItem> SettleAsync(DeliveryHarness harness, IReadOnlyList<OutboxItem> items)
    {
        var item = Assert.Single(items);
        harness.Outbox.Enqueue(item);
        var settled = await harness.SettleAsync(item.Id);
        Assert.True(settled.Status == OutboxStatus.Sent, $"{settled.Status}: {settled.ParkedReason}\n{string.Join("\n---\n", settled.Attempts.Select(a => a.ServerMessage))}");
        return settled;
    }
}
