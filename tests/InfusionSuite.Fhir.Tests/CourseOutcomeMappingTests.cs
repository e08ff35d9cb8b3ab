using Hl7.Fhir.Model;
using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Fhir.Outcomes;

namespace InfusionSuite.Fhir.Tests;

/// <summary>An outcome assessment as Observations: one per finding, valid R4, conditional on its identifier.</summary>
[Collection(ValidatorCollection.Name)]
public sealed class CourseOutcomeMappingTests(ValidatorFixture fixture)
{
    private readonly CourseOutcomeBundle _mapper = new(new FhirMappingOptions());

    [Fact]
    public void Assessment_IsATransactionOfThreeConditionalObservations_ValidAgainstR4()
    {
        var bundle = _mapper.Map(CourseOutcomeSamples.Course("Patient/p-1"), CourseOutcomeSamples.Assessment());

        var report = fixture.Validator.Validate(bundle);
        Assert.True(report.IsValid, report.ErrorText);
        var observations = bundle.Entry.Select(e => (Observation)e.Resource).ToList();
        Assert.Equal([CourseOutcomeBundle.DeanCode, CourseOutcomeBundle.CtcaeCode, CourseOutcomeBundle.StoppedCode], observations.Select(o => o.Code.Coding[0].Code));
        Assert.Equal([2, 1], observations.Take(2).Select(o => ((Integer)o.Value).Value));
        Assert.True(((FhirBoolean)observations[2].Value).Value);
        Assert.Equal("cold intolerance", observations[2].Note.Single().Text);
        Assert.All(observations, o => Assert.Equal("Patient/p-1", o.Subject.Reference));
        Assert.All(observations, o => Assert.Equal(("urn:infusionsuite:user", SessionScenario.NurseId), (o.Performer.Single().Identifier.System, o.Performer.Single().Identifier.Value)));
        Assert.All(bundle.Entry, e => Assert.StartsWith("identifier=", e.Request.IfNoneExist, StringComparison.Ordinal));
        Assert.Equal(FhirJson.Serialize(bundle), FhirJson.Serialize(_mapper.Map(CourseOutcomeSamples.Course("Patient/p-1"), CourseOutcomeSamples.Assessment())));
    }

    [Fact]
    public void AssessmentAndItsCorrection_EnteredWithFractionsOfASecond_CarryWholeSecondInstants_AsEverySessionResourceDoes()
    {
        var fraction = TimeSpan.FromTicks(5_935_224);
        var recorded = CourseOutcomeSamples.Assessment() with
        {
            AssessedAt = CourseOutcomeSamples.At + fraction, DocumentedAt = CourseOutcomeSamples.At.AddMinutes(5) + fraction,
        };
        var fix = new Domain.Courses.AssessmentChange(
            "fix-1", recorded.AssessmentId, Domain.Courses.AssessmentChangeKind.Corrected, null, 3, null, false, null, "scored the wrong photo", "nurse-2",
            CourseOutcomeSamples.At.AddDays(1) + fraction);

        foreach (var bundle in new[] { _mapper.Map(CourseOutcomeSamples.Course("Patient/p-1"), recorded), _mapper.MapChange(CourseOutcomeSamples.Course("Patient/p-1"), recorded, fix, fix.ApplyTo(recorded)) })
        {
            var json = FhirJson.Serialize(bundle);
            Assert.DoesNotMatch(@"\d\d:\d\d:\d\d\.\d", json); // no fraction of a second in any instant or dateTime
            Assert.All(bundle.Entry, e => Assert.Equal(0, ((Observation)e.Resource).Issued!.Value.Ticks % TimeSpan.TicksPerSecond));
        }
    }

    [Fact]
    public void Assessment_ByANurseWithAPractitionerInTheProfile_IsPerformedByThatPractitioner()
    {
        var bundle = _mapper.Map(CourseOutcomeSamples.Course("Patient/p-1"), CourseOutcomeSamples.Assessment(), "Practitioner/pr-7");

        Assert.All(bundle.Entry, e => Assert.Equal("Practitioner/pr-7", ((Observation)e.Resource).Performer.Single().Reference));
        Assert.True(fixture.Validator.Validate(bundle).IsValid);
    }

    [Fact]
    public async System.Threading.Tasks.Task Participant_ReturnsOneOutcomeItemKeyedByTheCourse()
    {
        var participant = new FhirCourseOutcomeParticipant(_mapper, TimeProvider.System);

        var item = Assert.Single(await participant.OnAssessmentAsync(CourseOutcomeSamples.Course("Patient/p-1"), CourseOutcomeSamples.Assessment(), default));

        Assert.Equal((OutboxItemKind.Outcome, OutcomeKeys.Of("course-1"), FhirOutboxItems.ContentType), (item.Kind, item.SessionId, item.ContentType));
    }
}
