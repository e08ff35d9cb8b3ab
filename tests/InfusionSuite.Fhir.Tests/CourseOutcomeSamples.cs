using InfusionSuite.Application.Courses;
using InfusionSuite.Domain.Courses;

namespace InfusionSuite.Fhir.Tests;

/// <summary>An outcome assessment and its course context for the FHIR outcome tests.</summary>
internal static class CourseOutcomeSamples
{
    public static readonly DateTimeOffset At = new(2026, 12, 28, 10, 0, 0, TimeSpan.Zero);

    public static OutcomeAssessment Assessment(string id = "a-1") =>
        new(id, At, SessionScenario.NurseId, Dean: 2, CtcaeAlopeciaGrade: 1, StoppedCooling: true, "cold intolerance", At.AddMinutes(5));

    public static CourseOutcomeContext Course(string patientReference, string courseId = "course-1")
    {
        var course = ScalpCoolingCourse.Create(courseId, patientReference, "Standard", true, []);
        var summary = CourseSummary.Create(course, [], [Assessment()], CoursePolicy.Default, At);
        return new CourseOutcomeContext(courseId, patientReference, SimulatedSessions.Normal("s-out"), summary);
    }
}
