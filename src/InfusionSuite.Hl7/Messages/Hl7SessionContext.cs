using InfusionSuite.Domain.Billing;
using InfusionSuite.Hl7.Segments;

namespace InfusionSuite.Hl7.Messages;

/// <summary>
/// What the messages need beside the session record: the patient as the EHR knows them, the
/// people, the billing decisions and what was charged before (PHI: never logged).
/// </summary>
public sealed record Hl7SessionContext
{
    /// <summary>PID-3.1: the patient's MRN.</summary>
    public required string PatientId { get; init; }

    public string? PatientFamilyName { get; init; }

    public string? PatientGivenName { get; init; }

    /// <summary>PV1-19; null reads the session's visit number (never an EHR id: <see cref="Application.Ehr.VisitIdentity"/>).</summary>
    public string? VisitNumber { get; init; }

    /// <summary>FT1-20, by the opaque nurse id the session recorded; a nurse without an entry is sent by that id.</summary>
    public IReadOnlyDictionary<string, Hl7Person> Practitioners { get; init; } = new Dictionary<string, Hl7Person>(StringComparer.Ordinal);

    /// <summary>FT1-21: the oncologist who ordered the chemotherapy (and with it the cooling).</summary>
    public Hl7Person? OrderedBy { get; init; }

    /// <summary>FT1-19: ICD-10-CM codes of the chemotherapy order.</summary>
    public IReadOnlyList<Hl7Code> Diagnoses { get; init; } = [];

    /// <summary>The session's note, sent as a TX OBX: in production the text FHIR's Procedure.note carries (<c>SessionSummaryText</c>, the nurse's words for adverse events included); null for none.</summary>
    public string? Note { get; init; }

    /// <summary>This session's 0663T and 0662T decisions; decisions of other sessions are ignored.</summary>
    public IReadOnlyList<CodeDecision> Charges { get; init; } = [];

    /// <summary>What earlier DFT^P03 messages charged for this session and have not credited.</summary>
    public IReadOnlyList<ChargeLine> Charged { get; init; } = [];

    /// <summary>An ORU^R01 was sent before for this session: this one corrects it (OBX-11 C).</summary>
    public bool Correction { get; init; }
}
