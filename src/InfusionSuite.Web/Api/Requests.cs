using InfusionSuite.Application.Nursing;

namespace InfusionSuite.Web.Api;

/// <summary>Start a session on a chair. Targets default to the preset's; give them to edit within the allowed range.</summary>
/// <param name="ControllerId">The chair's controller id.</param>
/// <param name="PatientReference">The patient's MRN (the identity key). An EHR id (<c>Patient/{id}</c>) is taken too when an EHR is configured: it is read there for the MRN, and a 400 names <c>patientReference</c> when the EHR gives none.</param>
/// <param name="PatientName">The patient's name as staff know it (shown to nurses on the board).</param>
/// <param name="AdministrationId">The chemotherapy administration (EHR MedicationAdministration or order id).</param>
/// <param name="PrimaryCptCode">The administration's primary CPT code, from the allowed list.</param>
/// <param name="CourseId">Optional: the course id; by default one course per patient and regimen.</param>
/// <param name="EffectiveAt">Optional: when it happened, for late documentation (default: now).</param>
/// <param name="SessionId">Optional: a caller-chosen id, so a retried request is recognised.</param>
/// <param name="Encounter">Optional: the encounter, as <c>Encounter/{EHR id}</c> or the visit number.</param>
/// <param name="IdentityConfirmed">The nurse checked the patient's identity after a 409 that asked for it (another session running for the patient, or a name that differs from the one on file).</param>
/// <param name="PatientEhrReference">Optional: the patient's id at the EHR (<c>Patient/{id}</c>) beside the MRN, as the start form's look-up fills it; sent to the EHR as the literal patient reference.</param>
/// <param name="ConfirmUnheardController">The nurse checked the chair after a 409 that asked for it (field <c>confirmUnheardController</c>): its controller has never been heard from and it is not a configured chair. Not needed for a configured chair or one whose controller has spoken.</param>
public sealed record StartSessionBody(
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
    string? Encounter = null,
    bool IdentityConfirmed = false,
    bool ConfirmUnheardController = false,
    string? OrderingProviderNpi = null,
    IReadOnlyList<string>? Diagnoses = null,
    string? Payer = null,
    string? PatientEhrReference = null)
{
    internal StartSessionInput ToInput() => new(
        ControllerId, PatientReference, PatientName, AdministrationId, PrimaryCptCode, RegimenPreset, PreCoolingMinutes, PostCoolingMinutes,
        CapSize, FirstOfCourse, CourseId, EffectiveAt, SessionId, Encounter, IdentityConfirmed, ConfirmUnheardController, OrderingProviderNpi, Diagnoses, Payer, PatientEhrReference);
}

/// <summary>A step of the session; <paramref name="EffectiveAt"/> is when it happened (default: now).</summary>
public sealed record StepBody(DateTimeOffset? EffectiveAt);

/// <summary>
/// Stop the session early. <paramref name="Reason"/>: PatientIntolerance, Headache, ColdIntolerance, PatientRequest,
/// DeviceFault, Other. <paramref name="Details"/>: why, in the nurse's words, required with Other (1–200 characters,
/// no control characters), optional otherwise.
/// </summary>
public sealed record AbortBody(string? Reason, DateTimeOffset? EffectiveAt, string? Details = null);

/// <summary>
/// Void the record. <paramref name="Reason"/>: EnteredInError, WrongPatient, WrongChair, DuplicateSession, Other.
/// <paramref name="Details"/>: why, in the nurse's words, required with Other (as for an abort).
/// </summary>
public sealed record VoidBody(string? Reason, string? Details = null);

/// <summary>The patient's tolerance, 0 (none) to 10.</summary>
public sealed record ToleranceBody(int? Score, DateTimeOffset? EffectiveAt);

/// <summary>
/// An adverse event. <paramref name="Event"/>: Headache, ScalpPain, ColdIntolerance, Shivering, ColdInjury, Other.
/// <paramref name="Details"/>: what happened in the nurse's words, required with Other (1–200 characters, no
/// control characters); a 400 names <c>details</c> otherwise.
/// </summary>
public sealed record AdverseEventBody(string? Event, DateTimeOffset? EffectiveAt, string? Details = null);
