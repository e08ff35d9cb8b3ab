using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Courses;

namespace InfusionSuite.Application.Courses;

/// <summary>A course as stored: its facts, its sessions ready to replay (oldest first) and what nurses documented for it.</summary>
/// <param name="Assessments">The outcome assessments as recorded (oldest first), before any correction.</param>
public sealed record CourseFile(
    CourseFacts Facts,
    IReadOnlyList<StoredSession> Sessions,
    IReadOnlyList<ChemoGivenNotCooled> NotCooled,
    IReadOnlyList<OutcomeAssessment> Assessments)
{
    /// <summary>Corrections and "entered in error" of the assessments, in the order stored.</summary>
    public IReadOnlyList<AssessmentChange> AssessmentChanges { get; init; } = [];

    /// <summary>The assessments as they stand: corrected, those entered in error left out.</summary>
    public IReadOnlyList<OutcomeAssessment> CurrentAssessments => AssessmentChange.Apply(Assessments, AssessmentChanges);
}
