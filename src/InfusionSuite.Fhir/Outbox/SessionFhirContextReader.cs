using InfusionSuite.Application.Billing;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Mapping;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Fhir.Outbox;

/// <summary>
/// What the mapper needs beside an ended session's record, read inside the batch transaction: the
/// patient reference (and the encounter, when one was given) as stored at the start, this session's
/// billing decisions from <see cref="SessionBillingQuery"/> (the same answer the session page shows)
/// over the stored courses; and each nurse's Practitioner from their user profile. A nurse whose
/// profile has no Practitioner id becomes a logical reference in the mapper
/// (<c>Fhir:Mapping:PractitionerIdentifierSystem</c>).
/// </summary>
internal sealed class SessionFhirContextReader(IOptions<FhirMappingOptions> mapping, SessionBillingQuery billing)
{
    /// <summary>The system of an NPI in a nurse's profile (a Practitioner given by NPI rather than by EHR id).</summary>
    internal const string NpiSystem = "http://hl7.org/fhir/sid/us-npi";

    public async Task<SessionFhirContext> ReadAsync(ISessionEndReads reads, ScalpCoolingSessionRecord record, CancellationToken cancellationToken) =>
        await ReadAsync(reads, record, (await billing.ForSessionAsync(record, reads, cancellationToken)).Decisions, cancellationToken);

    /// <summary>The context with the session's decisions already taken (from <see cref="SessionBillingQuery.ForPatientAsync"/>).</summary>
    public async Task<SessionFhirContext> ReadAsync(ISessionEndReads reads, ScalpCoolingSessionRecord record, IReadOnlyList<CodeDecision> charges, CancellationToken cancellationToken)
    {
        var plan = record.Plan;
        var options = mapping.Value;
        return new SessionFhirContext
        {
            // The EHR id when the start knew it (kept beside the MRN), else the MRN as a logical reference.
            Patient = EhrReference.Parse(plan.PatientEhrReference ?? plan.PatientReference, "Patient", options.PatientIdentifierSystem, "Patient"),
            Encounter = string.IsNullOrWhiteSpace(plan.EncounterReference)
                ? null
                : EhrReference.Parse(plan.EncounterReference, "Encounter", options.EncounterIdentifierSystem, "Encounter"),
            Charges = options.ChargeItems ? charges : [],
            Practitioners = await PractitionersAsync(reads, record.Nurses, cancellationToken),
            ControllerSite = await reads.ControllerSiteAsync(record.Controller.ControllerId, cancellationToken),
        };
    }

    private static async Task<Dictionary<string, EhrReference>> PractitionersAsync(
        ISessionEndReads reads, IReadOnlyList<string> nurseIds, CancellationToken cancellationToken)
    {
        var practitioners = new Dictionary<string, EhrReference>(StringComparer.Ordinal);
        foreach (var nurseId in nurseIds.Distinct(StringComparer.Ordinal))
        {
            if (await reads.PractitionerIdAsync(nurseId, cancellationToken) is { } practitionerId)
            {
                // The profile holds "Practitioner/{EHR id}", or the nurse's NPI as a logical reference.
                practitioners[nurseId] = EhrReference.Parse(practitionerId, "Practitioner", NpiSystem, "Practitioner");
            }
        }

        return practitioners;
    }
}
