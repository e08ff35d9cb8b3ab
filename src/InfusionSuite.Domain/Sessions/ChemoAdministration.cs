namespace InfusionSuite.Domain.Sessions;

/// <summary>The chemotherapy administration a session goes with.</summary>
/// <param name="Reference">The EHR's MedicationAdministration or order reference (opaque).</param>
/// <param name="PrimaryCptCode">Its primary CPT administration code (e.g. 96413); null when not known.</param>
public sealed record ChemoAdministration(string Reference, string? PrimaryCptCode);
