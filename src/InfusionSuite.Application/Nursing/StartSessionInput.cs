namespace InfusionSuite.Application.Nursing;

/// <summary>
/// A start as a nurse or a caller typed it, before it is checked (<see cref="StartSessionValidation"/>):
/// text as entered, targets in minutes (null: the preset's), the cap size by name; optionally what billing needs
/// beyond the visit (ordering provider NPI, ICD-10-CM diagnoses, payer), checked as <see cref="Billing.BillingDetailsValidation"/> checks them;
/// the patient's EHR id (<c>Patient/{id}</c>) when the start form found the patient in the EHR, beside the MRN.
/// </summary>
public sealed record StartSessionInput(
    string? ControllerId,
    string? PatientReference,
    string? PatientName,
    string? AdministrationId,
    string? PrimaryCptCode,
    string? RegimenPreset,
    int? PreCoolingMinutes,
    int? PostCoolingMinutes,
    string? CapSize,
    bool FirstOfCourse,
    string? CourseId,
    DateTimeOffset? EffectiveAt,
    string? SessionId,
    string? Encounter,
    bool IdentityConfirmed = false,
    bool ConfirmUnheardController = false,
    string? OrderingProviderNpi = null,
    IReadOnlyList<string>? Diagnoses = null,
    string? Payer = null,
    string? PatientEhrReference = null);
