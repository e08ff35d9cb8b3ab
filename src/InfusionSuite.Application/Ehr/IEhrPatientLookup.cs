namespace InfusionSuite.Application.Ehr;

/// <summary>
/// Finds a patient (by MRN) and their open visits in the configured EHR, so the nurse station's start form
/// fills the EHR's ids instead of a nurse typing them. Without an EHR (<see cref="IsConfigured"/> false) the
/// start form works as before. Answers carry patient data: never logged.
/// </summary>
public interface IEhrPatientLookup
{
    /// <summary>True when an EHR is configured to search.</summary>
    bool IsConfigured { get; }

    Task<EhrPatientLookup> FindByMrnAsync(string mrn, CancellationToken cancellationToken);

    /// <summary>
    /// The patient with this EHR id (<c>Patient/{id}</c>) and the MRN the EHR holds for them (none when the EHR
    /// has no such patient, or gives it no MRN in the site's MRN system); visits are not read.
    /// </summary>
    Task<EhrPatientLookup> FindByReferenceAsync(string patientReference, CancellationToken cancellationToken);

    /// <summary>The open or closed visit with this EHR id (<c>Encounter/{id}</c>) and its visit number in the site's system; none when the EHR has no such visit.</summary>
    Task<EhrVisitLookup> FindVisitAsync(string encounterReference, CancellationToken cancellationToken);
}
