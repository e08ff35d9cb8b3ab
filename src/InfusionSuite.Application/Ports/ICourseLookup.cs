namespace InfusionSuite.Application.Ports;

/// <summary>
/// Which course a patient's next session joins when neither the EHR (a plan or order id) nor the nurse
/// ("first session of a new course") names one: the course of the patient's latest session.
/// </summary>
public interface ICourseLookup
{
    /// <summary>The course of the patient's most recently started session; null when the patient has none.</summary>
    Task<string?> LatestCourseAsync(string patientReference, CancellationToken cancellationToken);

    /// <summary>The patient a stored course belongs to (PHI: never logged); null when no course has this id.</summary>
    Task<string?> PatientOfCourseAsync(string courseId, CancellationToken cancellationToken);
}
