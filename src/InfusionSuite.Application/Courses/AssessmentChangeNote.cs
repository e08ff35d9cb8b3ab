using InfusionSuite.Domain.Courses;

namespace InfusionSuite.Application.Courses;

/// <summary>The staff member's reason for changing an outcome assessment, as both channels send it: FHIR in each Observation's note, HL7 in a TX OBX of the correction.</summary>
public static class AssessmentChangeNote
{
    public static string For(AssessmentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return (change.Kind == AssessmentChangeKind.EnteredInError ? "Entered in error: " : "Corrected: ") + change.Reason;
    }
}
