using InfusionSuite.Application.Billing;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Nursing;

/// <summary>
/// What a nurse enters to start a session on a chair. Targets come from <see cref="RegimenPreset"/>
/// (a configured preset's name) unless given explicitly.
/// </summary>
/// <param name="NurseId">Opaque user id, never a name.</param>
/// <param name="CourseId">The course: the EHR's treatment plan or order id; empty for a new course (<paramref name="FirstOfCourse"/>) or the patient's latest one. Never derived from the regimen preset.</param>
/// <param name="PatientReference">The patient's MRN, the identity key (PHI: never logged); a start given by EHR id (<c>Patient/{id}</c>) is resolved to the MRN before it reaches the writer when an EHR is configured (<see cref="Ehr.PatientIdentity"/>).</param>
/// <param name="SessionId">Optional caller-chosen id (e.g. for idempotent retries); a new one is made when absent.</param>
/// <param name="EncounterReference">Optional encounter: <c>Encounter/{EHR id}</c> or a visit number (never logged).</param>
/// <param name="PatientName">The patient's name as the nurse entered it (PHI: never logged); stored with the session in the start's transaction and shown for this session only.</param>
/// <param name="IdentityConfirmed">The nurse confirmed the patient's identity after being told of another running session for the patient or a name that differs from the one on file.</param>
/// <param name="BillingDetails">Ordering provider NPI, diagnoses and payer given with the start (already checked); recorded right after the start, as staff would give them on the session page (audited, billing decided again).</param>
/// <param name="PatientEhrReference">The patient's id at the EHR (<c>Patient/{id}</c>), kept beside the MRN; null when not known.</param>
/// <param name="ConfirmUnheardController">The nurse confirmed the chair after being told that its controller has never been heard from and is not a configured chair (a mistyped id would make a chair that does not exist).</param>
public sealed record StartSessionRequest(
    string NurseId,
    string ControllerId,
    string CourseId,
    string PatientReference,
    ChemoAdministration Administration,
    string? RegimenPreset = null,
    RegimenTargets? Targets = null,
    CapSize? CapSize = null,
    bool FirstOfCourse = false,
    DateTimeOffset? EffectiveAt = null,
    string? SessionId = null,
    string? EncounterReference = null,
    string? PatientName = null,
    bool IdentityConfirmed = false,
    bool ConfirmUnheardController = false,
    BillingDetailsEntry? BillingDetails = null,
    string? PatientEhrReference = null);
