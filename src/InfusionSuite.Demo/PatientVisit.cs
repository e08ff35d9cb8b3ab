using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Demo;

/// <summary>What a nurse picks from the EHR when starting a session: the course, the patient, the administration, the visit.</summary>
/// <param name="PatientReference">Opaque patient reference (PHI in a clinic; synthetic in the demo).</param>
/// <param name="DisplayName">The name the board shows, recorded before the session starts; none when null.</param>
/// <param name="EncounterReference">The visit the charges go to (without one they are held: billing.md §5).</param>
internal sealed record PatientVisit(string CourseId, string PatientReference, ChemoAdministration Administration, string? DisplayName = null, string? EncounterReference = null)
{
    /// <summary>One course per controller, named after it (tests).</summary>
    public static PatientVisit ForController(string controllerId) =>
        new("course-" + controllerId, "patient-" + controllerId, new ChemoAdministration("ma-" + controllerId, "96413"), EncounterReference: "Encounter/visit-" + controllerId);
}
