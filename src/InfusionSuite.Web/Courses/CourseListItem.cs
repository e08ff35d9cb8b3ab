using InfusionSuite.Web.Board;

namespace InfusionSuite.Web.Courses;

/// <summary>One line of the course list (patient data: nurses and admins).</summary>
public sealed record CourseListItem(
    string CourseId,
    PatientView Patient,
    string Regimen,
    int SessionsCooled,
    int ChemotherapySessionsGiven,
    DateTimeOffset? LastDoseAt,
    DateTimeOffset? FollowUpDueFrom,
    string Result);
