using Hl7.Fhir.Model;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// What the test EHR must hold before a session is delivered to it: the patient, the visit, each nurse and the
/// chemotherapy administration the session refers to (delivery checks every such reference at the EHR and holds the item
/// when one is missing). The smallest resource of each type that the FHIR server takes, with the EHR id or the identifier
/// the reference gives. Shared by every test setup that delivers to the test FHIR server.
/// </summary>
internal static class TestEhrChart
{
    /// <summary>Every reference the session's Bundle carries to what the EHR owns, as the product makes them.</summary>
    public static IReadOnlyList<EhrReference> ReferencesOf(ScalpCoolingSessionRecord record, SessionFhirContext context, FhirMappingOptions? options = null)
    {
        options ??= new FhirMappingOptions();
        var references = new List<EhrReference> { context.Patient };
        if (context.Encounter is { } encounter)
        {
            references.Add(encounter);
        }

        references.Add(context.Administration ?? EhrReference.Parse(
            record.Plan.Administration.Reference, "MedicationAdministration", options.AdministrationIdentifierSystem, "MedicationAdministration", "Procedure"));
        references.AddRange(record.Nurses.Distinct(StringComparer.Ordinal).Select(nurse => context.Practitioners.TryGetValue(nurse, out var known)
            ? known
            : EhrReference.ByIdentifier("Practitioner", options.PractitionerIdentifierSystem, nurse)));
        return references;
    }

    /// <summary>
    /// The references of a session a worker will start: the patient (<c>Patient/{id}</c> or an MRN), the visit (<c>Encounter/{id}</c>
    /// or a visit number), the order the nurse picks (<c>MedicationAdministration/{id}</c> or an order number) and the nurses by user id
    /// (no Practitioner in their profiles), each in the systems of the default <see cref="FhirMappingOptions"/> unless given.
    /// </summary>
    public static IReadOnlyList<EhrReference> ForWorkerSession(string patient, string? encounter, string administration, IEnumerable<string> nurseIds, FhirMappingOptions? options = null)
    {
        options ??= new FhirMappingOptions();
        var references = new List<EhrReference> { EhrReference.Parse(patient, "Patient", options.PatientIdentifierSystem, "Patient") };
        if (encounter is not null)
        {
            references.Add(EhrReference.Parse(encounter, "Encounter", options.EncounterIdentifierSystem, "Encounter"));
        }

        references.Add(EhrReference.Parse(administration, "MedicationAdministration", options.AdministrationIdentifierSystem, "MedicationAdministration", "Procedure"));
        references.AddRange(nurseIds.Select(nurse => EhrReference.ByIdentifier("Practitioner", options.PractitionerIdentifierSystem, nurse)));
        return references;
    }

    /// <summary>
    /// The smallest <paramref name="type"/> resource the server takes, with the <paramref name="identifier"/> when given;
    /// <paramref name="patient"/> is its subject where one is required.
    /// </summary>
    public static Resource Minimal(string type, string patient, Identifier? identifier = null)
    {
        List<Identifier> identifiers = identifier is null ? [] : [identifier];
        return type switch
        {
            "Patient" => new Patient { Identifier = identifiers },
            "Encounter" => new Encounter
            {
                Identifier = identifiers,
                Status = Encounter.EncounterStatus.InProgress,
                Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB"),
                Subject = new ResourceReference(patient),
            },
            "Practitioner" => new Practitioner { Identifier = identifiers },
            "MedicationAdministration" => new MedicationAdministration
            {
                Identifier = identifiers,
                Status = MedicationAdministration.MedicationAdministrationStatusCodes.InProgress,
                Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", "56946", "paclitaxel"),
                Subject = new ResourceReference(patient),
                Effective = new FhirDateTime(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero)),
            },
            "Procedure" => new Procedure { Identifier = identifiers, Status = EventStatus.InProgress, Subject = new ResourceReference(patient) },
            _ => throw new ArgumentException($"No minimal {type} for the test EHR.", nameof(type)),
        };
    }
}
