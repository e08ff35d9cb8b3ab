using Hl7.Fhir.Model;
using InfusionSuite.Application.Ehr;
using InfusionSuite.Fhir.Delivery;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Shapes;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Fhir.Lookup;

/// <summary>
/// The start form's look-up in the EHR: <c>GET Patient?identifier={MRN system}|{mrn}</c>, then for each match
/// (at most <see cref="MaxPatients"/>) <c>GET Encounter?patient=Patient/{id}</c>, keeping the visits still open
/// (planned, arrived, triaged, in progress, on leave), the latest first, each with its visit number in the site's system
/// (<c>Fhir:Mapping:EncounterIdentifierSystem</c>) when it has one: the start keeps that identifier (HL7 PV1-19 needs it; FHIR
/// delivery finds the Encounter by it), not the EHR's id. Reads only, through the retrying
/// client; the EHR's answers are PHI and are never logged. A start given by EHR id is read back
/// (<c>GET Patient/{id}</c>) for the MRN, the identity key (<see cref="PatientIdentity"/>).
/// </summary>
internal sealed class EhrPatientSearch(EhrRestClient ehr, IOptions<FhirDeliveryOptions> delivery, IOptions<FhirMappingOptions> mapping) : IEhrPatientLookup
{
    public const int MaxPatients = 5;
    private const int MaxVisits = 10;

    private static readonly HashSet<Encounter.EncounterStatus> s_open =
    [
        Encounter.EncounterStatus.Planned, Encounter.EncounterStatus.Arrived, Encounter.EncounterStatus.Triaged,
        Encounter.EncounterStatus.InProgress, Encounter.EncounterStatus.Onleave,
    ];

    public bool IsConfigured => delivery.Value.BaseUrl is not null;

    public async Task<EhrPatientLookup> FindByMrnAsync(string mrn, CancellationToken cancellationToken)
    {
        try
        {
            return await SearchByMrnAsync(mrn, cancellationToken);
        }
        catch (Exception e) when (Unreadable(e))
        {
            return new EhrPatientLookup([], NotReadable(e));
        }
    }

    public async Task<EhrPatientLookup> FindByReferenceAsync(string patientReference, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadByReferenceAsync(patientReference, cancellationToken);
        }
        catch (Exception e) when (Unreadable(e))
        {
            return new EhrPatientLookup([], NotReadable(e));
        }
    }

    /// <summary>An answer that is not FHIR Firely reads (e.g. an identifier system it refuses): said to staff, never a bare 500.</summary>
    private static bool Unreadable(Exception e) =>
        e is Hl7.Fhir.Serialization.DeserializationFailedException or FormatException or System.Text.Json.JsonException;

    /// <summary>The failure's kind only: the answer is patient data and its text may quote it.</summary>
    private static string NotReadable(Exception e) =>
        $"The EHR answered, but its answer could not be read as FHIR R4 ({e.GetType().Name}): nothing was filled in; enter the details by hand.";

    private async Task<EhrPatientLookup> SearchByMrnAsync(string mrn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mrn);
        if (!IsConfigured)
        {
            return new EhrPatientLookup([], "No EHR is configured.");
        }

        var system = mapping.Value.PatientIdentifierSystem;
        var answer = await ehr.GetAsync($"Patient?identifier={Uri.EscapeDataString($"{system}|{mrn.Trim()}")}", cancellationToken);
        if (!answer.Succeeded)
        {
            return new EhrPatientLookup([], Refused(answer));
        }

        var matches = new List<EhrPatientMatch>();
        foreach (var patient in Matches<Patient>(answer.Body).Take(MaxPatients))
        {
            var visits = await ehr.GetAsync($"Encounter?patient=Patient/{Uri.EscapeDataString(patient.Id!)}", cancellationToken);
            if (!visits.Succeeded)
            {
                return new EhrPatientLookup([], Refused(visits));
            }

            matches.Add(new EhrPatientMatch("Patient/" + patient.Id, mrn.Trim(), Name(patient), patient.BirthDate, OpenVisits(visits.Body)));
        }

        return new EhrPatientLookup(matches);
    }

    private async Task<EhrPatientLookup> ReadByReferenceAsync(string patientReference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientReference);
        if (!IsConfigured)
        {
            return new EhrPatientLookup([], "No EHR is configured.");
        }

        var id = patientReference.StartsWith("Patient/", StringComparison.Ordinal) ? patientReference["Patient/".Length..] : patientReference;
        var answer = await ehr.GetAsync("Patient/" + Uri.EscapeDataString(id), cancellationToken);
        if (answer.Status is 404 or 410)
        {
            return new EhrPatientLookup([]);
        }

        if (!answer.Succeeded)
        {
            return new EhrPatientLookup([], answer.Status is { } status ? $"The EHR refused to read the patient (HTTP {status})." : "The EHR did not answer.");
        }

        var patient = FhirJson.Parse<Patient>(answer.Body);
        var mrn = patient.Identifier.FirstOrDefault(i => i.System == mapping.Value.PatientIdentifierSystem && !string.IsNullOrWhiteSpace(i.Value))?.Value;
        return mrn is null
            ? new EhrPatientLookup([])
            : new EhrPatientLookup([new EhrPatientMatch("Patient/" + patient.Id, mrn.Trim(), Name(patient), patient.BirthDate, [])]);
    }

    public async Task<EhrVisitLookup> FindVisitAsync(string encounterReference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(encounterReference);
        if (!IsConfigured)
        {
            return new EhrVisitLookup(null, "No EHR is configured.");
        }

        try
        {
            var id = encounterReference.StartsWith("Encounter/", StringComparison.Ordinal) ? encounterReference["Encounter/".Length..] : encounterReference;
            var answer = await ehr.GetAsync("Encounter/" + Uri.EscapeDataString(id), cancellationToken);
            if (answer.Status is 404 or 410)
            {
                return new EhrVisitLookup(null);
            }

            return answer.Succeeded
                ? new EhrVisitLookup(Visit(FhirJson.Parse<Encounter>(answer.Body)))
                : new EhrVisitLookup(null, answer.Status is { } status ? $"The EHR refused to read the visit (HTTP {status})." : "The EHR did not answer.");
        }
        catch (Exception e) when (Unreadable(e))
        {
            return new EhrVisitLookup(null, NotReadable(e));
        }
    }

    private List<EhrVisitMatch> OpenVisits(string searchset) => [.. Matches<Encounter>(searchset)
        .Where(e => e.Status is { } status && s_open.Contains(status))
        .Select(Visit)
        .OrderByDescending(v => v.Start ?? DateTimeOffset.MinValue)
        .Take(MaxVisits)];

    /// <summary>A visit with its visit number in the site's system (null when it has none there: an EHR id is never a visit number).</summary>
    private EhrVisitMatch Visit(Encounter e) => new(
        "Encounter/" + e.Id,
        e.Identifier.FirstOrDefault(i => i.System == mapping.Value.EncounterIdentifierSystem && !string.IsNullOrWhiteSpace(i.Value))?.Value,
        e.Status?.ToString() ?? "Unknown",
        e.Period?.StartElement?.ToDateTimeOffset(TimeSpan.Zero),
        e.Type.FirstOrDefault() is { } type ? type.Text ?? type.Coding.FirstOrDefault()?.Display : e.Class?.Display ?? e.Class?.Code);

    private static IEnumerable<T> Matches<T>(string searchset) where T : Resource =>
        FhirJson.Parse<Bundle>(searchset).Entry
            .Where(e => e.Search?.Mode is null or Bundle.SearchEntryMode.Match)
            .Select(e => e.Resource)
            .OfType<T>()
            .Where(r => r.Id is { Length: > 0 });

    private static string? Name(Patient patient)
    {
        var name = patient.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Official) ?? patient.Name.FirstOrDefault();
        if (name is null)
        {
            return null;
        }

        // Family and given as the EHR holds them, written "Family, Given": the start keeps them apart (HL7 PID-5 is family ^ given).
        var given = string.Join(' ', name.Given.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        if (!string.IsNullOrWhiteSpace(name.Family))
        {
            return new PersonName(name.Family.Trim(), given.Length == 0 ? null : given).ToString();
        }

        return name.Text is { Length: > 0 } text ? text.Trim() : given.Length == 0 ? null : given;
    }

    private static string Refused(EhrResponse answer) =>
        answer.Status is { } status ? $"The EHR refused the search (HTTP {status})." : "The EHR did not answer; try again.";
}
