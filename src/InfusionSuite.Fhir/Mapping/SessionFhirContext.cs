using InfusionSuite.Domain.Billing;

namespace InfusionSuite.Fhir.Mapping;

/// <summary>
/// What the mapper needs beside the session record: how to reference what the EHR owns, and the
/// billing decisions for this session (from <see cref="ScalpCoolingBilling.Evaluate"/>).
/// </summary>
public sealed record SessionFhirContext
{
    /// <summary>The patient (PHI: never logged).</summary>
    public required EhrReference Patient { get; init; }

    public EhrReference? Encounter { get; init; }

    /// <summary>The chemotherapy administration; null reads the plan's reference.</summary>
    public EhrReference? Administration { get; init; }

    /// <summary>Practitioners from the users' profiles, by the opaque nurse id the session recorded.</summary>
    public IReadOnlyDictionary<string, EhrReference> Practitioners { get; init; } =
        new Dictionary<string, EhrReference>(StringComparer.Ordinal);

    /// <summary>
    /// The site the chair's controller speaks from, as stored for every worker (a shared database); null where none is kept.
    /// The chair's Device takes that site's identifier system, so whichever worker ends a session, a chair has one Device.
    /// </summary>
    public string? ControllerSite { get; init; }

    /// <summary>This session's 0663T and 0662T decisions; decisions of other sessions are ignored.</summary>
    public IReadOnlyList<CodeDecision> Charges { get; init; } = [];
}
