using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Courses;

namespace InfusionSuite.Application.Courses;

/// <summary>A course for its page: the stored facts (patient reference: PHI) and its summary.</summary>
public sealed record CourseView(CourseFacts Facts, CourseSummary Summary);
