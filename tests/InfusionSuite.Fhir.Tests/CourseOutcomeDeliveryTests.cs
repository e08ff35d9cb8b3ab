using Hl7.Fhir.Model;
using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Outcomes;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace InfusionSuite.Fhir.Tests;

/// <summary>An outcome assessment delivered to a real FHIR server through the dispatcher: once per finding, even when sent twice.</summary>
[Collection(FhirServerCollection.Name)]
public sealed class CourseOutcomeDeliveryTests(FhirServerFixture server) : IAsyncLifetime, IDisposable
{
    private readonly FhirServerReader _reader = new(server);

    public Task InitializeAsync() => server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _reader.Dispose();

    [Fact]
    public async Task AssessmentSentTwice_LeavesOneObservationPerFinding()
    {
        var patientId = await _reader.CreatePatientAsync("MRN-OUT-1");
        await _reader.HoldAsync([EhrReference.ByIdentifier("Practitioner", new FhirMappingOptions().PractitionerIdentifierSystem, SessionScenario.NurseId)]); // the assessing nurse
        using var harness = new DeliveryHarness(server.FhirBase);
        var participant = harness.Services.GetServices<ICourseOutcomeParticipant>().OfType<FhirCourseOutcomeParticipant>().Single();
        var course = CourseOutcomeSamples.Course("Patient/" + patientId);
        var first = (await participant.OnAssessmentAsync(course, CourseOutcomeSamples.Assessment(), default)).Single();
        var again = (await participant.OnAssessmentAsync(course, CourseOutcomeSamples.Assessment(), default)).Single();
        harness.Outbox.Enqueue(first);
        harness.Outbox.Enqueue(again);

        Assert.Equal(OutboxStatus.Sent, (await harness.SettleAsync(first.Id)).Status);
        Assert.Equal(OutboxStatus.Sent, (await harness.SettleAsync(again.Id)).Status);

        var dean = Assert.Single(await _reader.SearchAsync<Observation>("identifier=urn:infusionsuite:scalp-cooling-session|a-1/" + CourseOutcomeBundle.DeanCode));
        Assert.Equal(2, ((Integer)dean.Value).Value);
        Assert.Equal("Patient/" + patientId, dean.Subject.Reference);
        Assert.Single(await _reader.SearchAsync<Observation>("identifier=urn:infusionsuite:scalp-cooling-session|a-1/" + CourseOutcomeBundle.StoppedCode));
    }
}
