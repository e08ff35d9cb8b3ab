namespace InfusionSuite.Application.Ehr;

/// <summary>What the EHR answered to a patient search: the patients with the MRN (none, one, or more), or why it could not be asked.</summary>
/// <param name="Problem">Null when the EHR answered; otherwise in words for staff (no patient data).</param>
public sealed record EhrPatientLookup(IReadOnlyList<EhrPatientMatch> Patients, string? Problem = null);
