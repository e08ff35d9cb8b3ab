using System.ComponentModel.DataAnnotations;

namespace InfusionSuite.Fhir.Mapping;

/// <summary>
/// A site's identifier systems and mapping choices (configuration section <c>Fhir:Mapping</c>).
/// The defaults are InfusionSuite's own URNs; an EHR interface team may ask for its own.
/// </summary>
public sealed class FhirMappingOptions
{
    public const string SectionName = "Fhir:Mapping";

    /// <summary>System of the identifiers of every session-derived resource (Procedures, Observations, ChargeItems).</summary>
    [Required]
    public string SessionIdentifierSystem { get; set; } = "urn:infusionsuite:scalp-cooling-session";

    /// <summary>The default <see cref="DeviceIdentifierSystem"/>, for a site that shares its EHR with no other.</summary>
    public const string DefaultDeviceIdentifierSystem = "urn:infusionsuite:controller";

    /// <summary>
    /// This site's name (1–32 of <c>a-z 0-9 -</c>): its chairs' Devices get their own identifier system,
    /// <c>urn:infusionsuite:controller:{site}</c>, unless <see cref="DeviceIdentifierSystem"/> is set. Required with an EHR.
    /// </summary>
    [RegularExpression("^[a-z0-9-]{1,32}$")]
    public string? Site { get; set; }

    /// <summary>
    /// System of the controller's identifier (its CCP/1 controllerId) on the Device: by default one per site, from
    /// <see cref="Site"/>; the bare default only where no EHR is configured (Bundles kept or exported).
    /// </summary>
    [Required]
    public string DeviceIdentifierSystem { get; set; } = DefaultDeviceIdentifierSystem;

    /// <summary>
    /// Whether <see cref="DeviceIdentifierSystem"/> is one per site (not set by hand): then a chair whose site is stored for
    /// every worker (a shared database) takes its own site's system, <see cref="DeviceSystemOf"/>, whatever this node's <see cref="Site"/>.
    /// </summary>
    internal bool DeviceSystemPerSite =>
        DeviceIdentifierSystem == DefaultDeviceIdentifierSystem || (Site is { Length: > 0 } site && DeviceIdentifierSystem == DeviceSystemOf(site));

    /// <summary>The Device identifier system of a site's chairs: <c>urn:infusionsuite:controller:{site}</c>.</summary>
    public static string DeviceSystemOf(string site) => $"{DefaultDeviceIdentifierSystem}:{Uri.EscapeDataString(site)}";

    /// <summary>System of a logical reference to the chemotherapy administration when the EHR id is not known.</summary>
    [Required]
    public string AdministrationIdentifierSystem { get; set; } = "urn:infusionsuite:chemotherapy-administration";

    /// <summary>
    /// System of a logical reference to the patient when the session's patient reference is not an
    /// EHR id (<c>Patient/{id}</c>): the site's MRN system.
    /// </summary>
    [Required]
    public string PatientIdentifierSystem { get; set; } = "urn:infusionsuite:mrn";

    /// <summary>
    /// System of a logical reference to the encounter when the session's encounter reference is not
    /// an EHR id (<c>Encounter/{id}</c>): the site's visit-number system.
    /// </summary>
    [Required]
    public string EncounterIdentifierSystem { get; set; } = "urn:infusionsuite:encounter";

    /// <summary>System of a logical reference to a nurse whose user profile has no Practitioner.</summary>
    [Required]
    public string PractitionerIdentifierSystem { get; set; } = "urn:infusionsuite:user";

    /// <summary>InfusionSuite's local CodeSystem for Observation codes and reasons (no standard code exists).</summary>
    [Required]
    public string LocalCodeSystem { get; set; } = "urn:infusionsuite:scalp-cooling";

    /// <summary>Whether ChargeItems are produced (default on).</summary>
    public bool ChargeItems { get; set; } = true;
}
