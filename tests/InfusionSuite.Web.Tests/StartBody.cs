namespace InfusionSuite.Web.Tests;

/// <summary>A valid start request for a chair, to vary with <c>with</c>.</summary>
internal sealed record StartBody(
    string? ControllerId,
    string? PatientReference = "MRN-1001",
    string? PatientName = "Jane Roe",
    string? AdministrationId = "ma-2001",
    string? PrimaryCptCode = SessionScenario.PrimaryCode,
    string? RegimenPreset = "Standard",
    int? PreCoolingMinutes = null,
    int? PostCoolingMinutes = null,
    string? CapSize = null,
    bool FirstOfCourse = false,
    DateTimeOffset? EffectiveAt = null,
    string? SessionId = null,
    bool IdentityConfirmed = false,
    bool ConfirmUnheardController = true, // most tests start on chairs that have not spoken: the nurse confirmed the chair
    string? Encounter = "V-1001", // the patient's visit: without one the charges are held (billing.md §5)
    string? OrderingProviderNpi = null,
    IReadOnlyList<string>? Diagnoses = null,
    string? Payer = null,
    string? PatientEhrReference = null);
