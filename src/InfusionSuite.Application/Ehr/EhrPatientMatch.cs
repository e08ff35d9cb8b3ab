namespace InfusionSuite.Application.Ehr;

/// <summary>A patient found at the EHR (PHI): the literal reference to start a session with, the name and birth date to check it is them, and the open visits.</summary>
/// <param name="Reference"><c>Patient/{id}</c> at the EHR.</param>
/// <param name="BirthDate">As the EHR gives it (e.g. <c>1970-04-02</c>); null when it gives none.</param>
public sealed record EhrPatientMatch(string Reference, string Mrn, string? Name, string? BirthDate, IReadOnlyList<EhrVisitMatch> Visits);
