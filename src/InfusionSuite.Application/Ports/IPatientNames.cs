namespace InfusionSuite.Application.Ports;

/// <summary>
/// Patients' display names by patient reference (PHI: kept in the database, never logged). The
/// session log holds only the opaque reference; the board shows the name to clinical staff.
/// </summary>
public interface IPatientNames
{
    Task SetAsync(string patientReference, string displayName, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> patientReferences, CancellationToken cancellationToken);
}
