using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Courses;

/// <summary>
/// A course of scalp cooling for one patient and regimen: its sessions, and whether the cap was
/// measured and calibrated for it (0662T).
/// </summary>
public sealed record ScalpCoolingCourse
{
    private ScalpCoolingCourse(string courseId, string patientReference, string regimen, bool capMeasuredAndCalibrated, IReadOnlyList<ScalpCoolingSessionRecord> sessions)
    {
        CourseId = courseId;
        PatientReference = patientReference;
        Regimen = regimen;
        CapMeasuredAndCalibrated = capMeasuredAndCalibrated;
        Sessions = sessions;
    }

    public string CourseId { get; }

    /// <summary>Opaque patient reference (PHI: never logged, never in exception text).</summary>
    public string PatientReference { get; }

    public string Regimen { get; }

    public bool CapMeasuredAndCalibrated { get; }

    /// <summary>The sessions in order of start.</summary>
    public IReadOnlyList<ScalpCoolingSessionRecord> Sessions { get; }

    /// <summary>Sessions that count (voided ones are kept for audit but do not count).</summary>
    public int SessionsGiven => Sessions.Count(s => s.Status != SessionStatus.Voided);

    /// <summary>
    /// Builds a course; every session must carry this course's id and patient. Voided sessions stay (billing decides them
    /// "not billable: voided", so a void withdraws every charge that was sent); what a patient's course shows leaves out a
    /// session voided as the wrong patient's (<see cref="ScalpCoolingSessionRecord.InPatientsCourse"/>, where the course is
    /// read for the patient).
    /// </summary>
    public static ScalpCoolingCourse Create(
        string courseId, string patientReference, string regimen, bool capMeasuredAndCalibrated, IEnumerable<ScalpCoolingSessionRecord> sessions)
    {
        ArgumentException.ThrowIfNullOrEmpty(courseId);
        ArgumentException.ThrowIfNullOrEmpty(patientReference);
        ArgumentNullException.ThrowIfNull(sessions);
        var ordered = sessions.OrderBy(s => s.StartedAt).ThenBy(s => s.Plan.SessionId, StringComparer.Ordinal).ToList();
        foreach (var session in ordered)
        {
            if (!string.Equals(session.Plan.CourseId, courseId, StringComparison.Ordinal))
            {
                throw new ArgumentException("A session belongs to another course.", nameof(sessions));
            }

            if (!string.Equals(session.Plan.PatientReference, patientReference, StringComparison.Ordinal))
            {
                throw new ArgumentException("A session belongs to another patient.", nameof(sessions));
            }
        }

        return new ScalpCoolingCourse(courseId, patientReference, regimen, capMeasuredAndCalibrated, ordered);
    }
}
