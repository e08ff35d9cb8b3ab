using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Courses;

namespace InfusionSuite.Application.Courses;

/// <summary>A course as stored: its facts, its sessions ready to replay (oldest first) and what nurses documented for it.</summary>
public sealed record CourseFile(
    CourseFacts Facts,
    IReadOnlyList<StoredSession> Sessions,
    IReadOnlyList<ChemoGivenNotCooled> NotCooled,
    IReadOnlyList<OutcomeAssessment> Assessments);
