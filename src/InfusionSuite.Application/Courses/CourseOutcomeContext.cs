using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Courses;

/// <summary>A course as an outcome participant sees it: the patient, its last session (for the visit and the key) and its summary.</summary>
/// <param name="PatientReference">Opaque (PHI: never logged).</param>
/// <param name="LastSession">The course's latest non-voided session, null when it has none.</param>
public sealed record CourseOutcomeContext(
    string CourseId,
    string PatientReference,
    ScalpCoolingSessionRecord? LastSession,
    CourseSummary Summary);
