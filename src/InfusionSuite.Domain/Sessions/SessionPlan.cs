using InfusionSuite.Domain.Billing;

namespace InfusionSuite.Domain.Sessions;

/// <summary>What the nurse chose when starting a session on a chair.</summary>
/// <param name="SessionId">Opaque id given by the caller.</param>
/// <param name="CourseId">The course this session belongs to.</param>
/// <param name="PatientReference">
/// The patient's identity in InfusionSuite (courses, billing, identity checks): the MRN, however the start was
/// made (typed, or found in the EHR); opaque (PHI: never logged, never in exception text).
/// </param>
/// <param name="ControllerId">The chair's controller (CCP/1 controllerId).</param>
/// <param name="FirstOfCourse">First session of the course: the cap is measured and calibrated (0662T).</param>
/// <param name="EncounterReference">
/// Optional opaque encounter reference (<c>Encounter/{EHR id}</c> or a visit number); null when not
/// captured (sessions logged before it existed). PHI-adjacent: never logged, never in exception text.
/// </param>
/// <param name="PatientEhrReference">
/// The patient's id at the EHR (<c>Patient/{id}</c>) kept beside the MRN when it is known (the start form's
/// look-up, or a start given by EHR id and resolved to the MRN); null otherwise. Never an identity key.
/// </param>
/// <param name="Billing">What billing needs beside the visit (ordering provider, diagnoses, payer), given at the start or later; null when none was given.</param>
public sealed record SessionPlan(
    string SessionId,
    string CourseId,
    string PatientReference,
    ChemoAdministration Administration,
    string ControllerId,
    RegimenTargets Targets,
    CapSize? CapSize,
    bool FirstOfCourse,
    string? EncounterReference = null,
    BillingDetails? Billing = null,
    string? PatientEhrReference = null);
