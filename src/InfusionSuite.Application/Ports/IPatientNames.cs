namespace InfusionSuite.Application.Ports;

/// <summary>
/// Patients' names (PHI: kept in the database, never logged). The session log holds only the opaque
/// patient reference; each session keeps the name the nurse entered at its start (written with the
/// start, <see cref="StartedSession.PatientName"/>), and the name on file for the patient is the one entered at the
/// start of its latest session not voided as the wrong patient's.
/// </summary>
public interface IPatientNames
{
    /// <summary>The name on file (entered at the latest session not voided as the wrong patient's) by patient reference; patients without one are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> patientReferences, CancellationToken cancellationToken);

    /// <summary>Each session's own name, as entered at its start (for a session stored before names were kept per session: the name on file); sessions without one are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> FindForSessionsAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken);
}
