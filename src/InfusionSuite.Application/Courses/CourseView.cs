using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Courses;

namespace InfusionSuite.Application.Courses;

/// <summary>A course for its page: the stored facts (patient reference: PHI) and its summary.</summary>
public sealed record CourseView(CourseFacts Facts, CourseSummary Summary)
{
    /// <summary>Assessments entered in error (left out of the summary), each as it stood, with the withdrawal as its latest change.</summary>
    public IReadOnlyList<OutcomeAssessment> EnteredInError { get; init; } = [];
}
