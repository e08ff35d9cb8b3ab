using Hl7.Fhir.Model;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Outcomes;

namespace InfusionSuite.Fhir.Tests;

/// <summary>What InfusionSuite sends claims US Core 6.1.0 where a profile applies, and conforms to it (Firely, offline).</summary>
[Collection(UsCoreValidatorCollection.Name)]
public sealed class UsCoreConformanceTests(UsCoreValidatorFixture usCore)
{
    private const string ProcedureProfile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-procedure";
    private const string ObservationProfile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-simple-observation";

    [Theory]
    [MemberData(nameof(MappingTests.Scenarios), MemberType = typeof(MappingTests))]
    public void EveryScenario_ProceduresAndObservationsClaimUsCoreAndConformWithNoErrors(string scenario)
    {
        var record = MappingTests.Scenario(scenario);
        var bundle = new SessionBundleMapper(new FhirMappingOptions()).Map(record, SimulatedSessions.Context(record));

        var claimed = bundle.Entry.Select(e => e.Resource).Where(r => r is Procedure or Observation).ToList();
        Assert.NotEmpty(claimed);
        Assert.All(claimed, r => Assert.Equal([r is Procedure ? ProcedureProfile : ObservationProfile], r.Meta?.Profile ?? []));
        Assert.All(bundle.Entry.Select(e => e.Resource).Where(r => r is Device or ChargeItem), r => Assert.Empty(r.Meta?.Profile ?? []));
        var errors = bundle.Entry.SelectMany(e => usCore.Errors(e.Resource)).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void OutcomeAssessment_ObservationsClaimUsCoreSimpleObservationAndConform()
    {
        var bundle = new CourseOutcomeBundle(new FhirMappingOptions()).Map(CourseOutcomeSamples.Course("Patient/p-1"), CourseOutcomeSamples.Assessment());

        Assert.All(bundle.Entry, e => Assert.Equal([ObservationProfile], e.Resource.Meta.Profile));
        var errors = bundle.Entry.SelectMany(e => usCore.Errors(e.Resource)).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void CorrectedAssessment_ObservationsStillConform()
    {
        var recorded = CourseOutcomeSamples.Assessment();
        var fix = new Domain.Courses.AssessmentChange("fix-1", recorded.AssessmentId, Domain.Courses.AssessmentChangeKind.Corrected, null, 3, null, false, null, "scored the wrong photo", "nurse-2", CourseOutcomeSamples.At.AddDays(1));
        var bundle = new CourseOutcomeBundle(new FhirMappingOptions()).MapChange(CourseOutcomeSamples.Course("Patient/p-1"), recorded, fix, fix.ApplyTo(recorded));

        Assert.Equal(
            [ObservationStatus.Corrected, ObservationStatus.EnteredInError, ObservationStatus.EnteredInError],
            bundle.Entry.Select(e => ((Observation)e.Resource).Status));
        Assert.All(bundle.Entry, e => Assert.Equal(Bundle.HTTPVerb.PUT, e.Request.Method));
        var errors = bundle.Entry.SelectMany(e => usCore.Errors(e.Resource)).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Validator_AppliesTheUsCoreProfiles_NotOnlyTheBaseDefinitions()
    {
        // Valid R4, but US Core wants a category on an Observation and performed[x] on a completed Procedure (us-core-7).
        var observation = new Observation
        {
            Meta = new Meta { Profile = [ObservationProfile] },
            Status = ObservationStatus.Final,
            Code = new CodeableConcept { Text = "x" },
            Subject = new ResourceReference("Patient/p-1"),
        };
        var procedure = new Procedure
        {
            Meta = new Meta { Profile = [ProcedureProfile] },
            Status = EventStatus.Completed,
            Code = new CodeableConcept { Text = "x" },
            Subject = new ResourceReference("Patient/p-1"),
        };

        Assert.Contains(usCore.Errors(observation), e => e.Contains("category", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(usCore.Errors(procedure));
    }
}
