using InfusionSuite.Application.Courses;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Hl7.Messages;
using Microsoft.Extensions.Time.Testing;
using static InfusionSuite.Hl7.Tests.Hl7Text;

namespace InfusionSuite.Hl7.Tests;

/// <summary>An outcome assessment as an ORU^R01: one OBX per finding, under an OBR for the course.</summary>
public sealed class OutcomeMessagesTests
{
    [Fact]
    public void Assessment_IsAnOruWithDeanCtcaeAndStoppedCooling()
    {
        var at = Hl7Sessions.Morning.AddDays(40);
        var assessment = new OutcomeAssessment("a-1", at, SessionScenario.NurseId, 3, 2, true, "hair loss, chose a wig", at);
        var last = Hl7Sessions.Completed("s-1");
        var course = ScalpCoolingCourse.Create("course-1", last.Plan.PatientReference, "Anthracycline", true, []);
        var context = new CourseOutcomeContext("course-1", "Patient/p-9", last, CourseSummary.Create(course, [], [assessment], CoursePolicy.Default, at));
        var time = new FakeTimeProvider(at);
        var messages = new OutcomeMessages(Hl7Sessions.Messages(time: time), Hl7Sessions.Options(), time);

        var oru = messages.For(context, assessment, new Hl7SessionContext { PatientId = "p-9", PatientFamilyName = "Roe", PatientGivenName = "Jane" });

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
}
