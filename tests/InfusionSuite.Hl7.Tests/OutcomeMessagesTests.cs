using InfusionSuite.Application.Courses;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Hl7.Messages;
using Microsoft.Extensions.Time.Testing;
using static InfusionSuite.Hl7.Tests.Hl7Text;

namespace InfusionSuite.Hl7.Tests;

/// <summary>An outcome assessment as an ORU^R01: one OBX per finding, under an OBR for the course.</summary>
public sealed class OutcomeMessagesTests
{
    private static readonly DateTimeOffset s_at = Hl7Sessions.Morning.AddDays(40);
    private static readonly Hl7SessionContext s_patient = new() { PatientId = "p-9", PatientFamilyName = "Roe", PatientGivenName = "Jane" };

    [Fact]
    public void Assessment_IsAnOruWithDeanCtcaeAndStoppedCooling()
    {
        var assessment = Recorded();
        var (context, messages) = Course(assessment);

        var oru = messages.For(context, assessment, s_patient);

        Assert.Equal("ORU^R01", oru.MessageType);
        Assert.Equal(["MSH", "PID", "PV1", "OBR", "OBX", "OBX", "OBX"], SegmentsOf(oru.Text).Select(s => s[..3]));
        Assert.Equal("p-9", Field(Segment(oru.Text, "PID"), 3).Split('^')[0]);
        Assert.Equal("ISC-OUTCOME", Field(Segment(oru.Text, "OBR"), 4).Split('^')[0]);
        Assert.Equal("course-1", Field(Segment(oru.Text, "OBR"), 20));
        var values = All(oru.Text, "OBX").Select(o => (Field(o, 2), Field(o, 3).Split('^')[0], Field(o, 5), Field(o, 11))).ToList();
        Assert.Equal(
            [("NM", "ISC-DEAN", "3", "F"), ("NM", "ISC-CTCAE-ALOPECIA", "2", "F"), ("TX", "ISC-COOLING-STOPPED", "hair loss, chose a wig", "F")],
            values);
    }

    [Fact]
    public void Correction_ResendsTheFindingsAsCorrected_AndOneNoLongerStatedAsWrong_UnderTheSameOrder()
    {
        var recorded = Recorded();
        var fix = new AssessmentChange("fix-1", "a-1", AssessmentChangeKind.Corrected, null, 2, 2, false, null, "wrong photo", "nurse-2", s_at.AddDays(1));
        var (context, messages) = Course(recorded);
        var original = messages.For(context, recorded, s_patient);

        var oru = messages.Change(context, recorded, fix.ApplyTo(recorded), s_patient);

        Assert.Equal(Field(Segment(original.Text, "OBR"), 3), Field(Segment(oru.Text, "OBR"), 3));
        Assert.Equal("C", Field(Segment(oru.Text, "OBR"), 25));
        Assert.Equal(
            [("ISC-DEAN", "2", "C"), ("ISC-CTCAE-ALOPECIA", "2", "C"), ("ISC-COOLING-STOPPED", "hair loss, chose a wig", "W")],
            All(oru.Text, "OBX").Select(o => (Field(o, 3).Split('^')[0], Field(o, 5), Field(o, 11))));
    }

    [Fact]
    public void EnteredInError_ResendsEveryFindingAsWrong()
    {
        var recorded = Recorded();
        var (context, messages) = Course(recorded);

        var oru = messages.Change(context, recorded, null, s_patient);

        Assert.Equal(["W", "W", "W"], All(oru.Text, "OBX").Select(o => Field(o, 11)));
    }

    [Fact]
    public void TheStaffMembersReason_GoesWithTheCorrectionAndTheEnteredInError_AsFhirsNotesCarryIt()
    {
        var recorded = Recorded();
        var fix = new AssessmentChange("fix-2", "a-1", AssessmentChangeKind.Corrected, null, 2, 2, false, null, "wrong photo", "nurse-2", s_at.AddDays(1));
        var withdrawn = new AssessmentChange("fix-3", "a-1", AssessmentChangeKind.EnteredInError, null, null, null, false, null, "wrong patient", "nurse-2", s_at.AddDays(1));
        var (context, messages) = Course(recorded);

        var corrected = messages.Change(context, recorded, fix.ApplyTo(recorded), s_patient, AssessmentChangeNote.For(fix));
        var wrong = messages.Change(context, recorded, null, s_patient, AssessmentChangeNote.For(withdrawn));

        Assert.Equal("Corrected: wrong photo", Field(All(corrected.Text, "OBX").Single(o => Field(o, 3).StartsWith("ISC-NOTE^", StringComparison.Ordinal)), 5));
        Assert.Equal("Entered in error: wrong patient", Field(All(wrong.Text, "OBX").Single(o => Field(o, 3).StartsWith("ISC-NOTE^", StringComparison.Ordinal)), 5));
    }

    private static OutcomeAssessment Recorded() => new("a-1", s_at, SessionScenario.NurseId, 3, 2, true, "hair loss, chose a wig", s_at);

    private static (CourseOutcomeContext Context, OutcomeMessages Messages) Course(OutcomeAssessment assessment)
    {
        var last = Hl7Sessions.Completed("s-1");
        var course = ScalpCoolingCourse.Create("course-1", last.Plan.PatientReference, "Anthracycline", true, []);
        var context = new CourseOutcomeContext("course-1", "Patient/p-9", last, CourseSummary.Create(course, [], [assessment], CoursePolicy.Default, s_at));
        var time = new FakeTimeProvider(s_at);
        return (context, new OutcomeMessages(Hl7Sessions.Messages(time: time), Hl7Sessions.Options(), time));
    }
}
