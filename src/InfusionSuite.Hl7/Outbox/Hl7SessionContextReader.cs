using InfusionSuite.Application.Billing;
using InfusionSuite.Application.Ehr;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Hl7.Messages;
using InfusionSuite.Hl7.Segments;

namespace InfusionSuite.Hl7.Outbox;

/// <summary>
/// What the messages need beside a session's record, read inside the batch transaction: the patient
/// and visit as stored at the start, this session's billing decisions from <see cref="SessionBillingQuery"/>
/// (the answer the session page and the FHIR ChargeItems show; not decided again here), what earlier
/// DFT^P03s of the session charged, whether an ORU^R01 went out before, each nurse's NPI from
/// their profile, the ordering provider's NPI and the diagnoses (ICD-10-CM) staff gave for the session, the session's note (the
/// text the FHIR Procedure's <c>note</c> carries: <see cref="SessionSummaryText"/>, adverse events in the nurse's words included), and the patient's name as the nurse typed it at this session's start (<see cref="ISessionEndReads.PatientNameAsync"/>).
/// </summary>
public sealed class Hl7SessionContextReader(SessionBillingQuery billing)
{
    public async Task<Hl7SessionContext> ReadAsync(ISessionEndReads reads, ScalpCoolingSessionRecord record, IReadOnlyList<OutboxItem> earlier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reads);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(earlier);
        var payloads = earlier.Select(i => i.Payload).Where(p => p.Length > 0).ToList();
        var patient = record.Plan.PatientReference;
        var name = await reads.PatientNameAsync(record.Plan.SessionId, cancellationToken);
        var (family, given) = SplitName(name);
        return new Hl7SessionContext
        {
            PatientId = PatientId(patient),
            PatientFamilyName = family,
            PatientGivenName = given,
            Practitioners = await PractitionersAsync(reads, record.Nurses, cancellationToken),
            OrderedBy = record.Plan.Billing?.OrderingProviderNpi is { } npi ? new Hl7Person(npi, AssigningAuthority: "NPI", IdentifierType: "NPI") : null,
            Diagnoses = [.. (record.Plan.Billing?.DiagnosisCodes ?? []).Select(code => new Hl7Code(code, null, "I10"))],
            Note = SessionSummaryText.For(record),
            Charges = (await billing.ForSessionAsync(record, reads, cancellationToken)).Decisions,
            Charged = StoredHl7Messages.Charged(payloads),
            Correction = payloads.Exists(p => !StoredHl7Messages.Read(p).IsCharge),
        };
    }

    /// <summary>PID-3.1: the MRN the session was started with (a <c>Patient/{id}</c> reference is sent as its id).</summary>
    public static string PatientId(string patientReference) =>
        patientReference.StartsWith("Patient/", StringComparison.Ordinal) ? patientReference["Patient/".Length..] : patientReference;

    /// <summary>PID-5 (family ^ given): the name's parts however it was written (<see cref="PersonName"/>: "Family, Given" or "Given Family").</summary>
    public static (string? Family, string? Given) SplitName(string? displayName) =>
        PersonName.Parse(displayName) is { } name ? (name.Family, name.Given) : (null, null);

    private static async Task<Dictionary<string, Hl7Person>> PractitionersAsync(ISessionEndReads reads, IReadOnlyList<string> nurseIds, CancellationToken cancellationToken)
    {
        var people = new Dictionary<string, Hl7Person>(StringComparer.Ordinal);
        foreach (var nurseId in nurseIds.Distinct(StringComparer.Ordinal))
        {
            if (await reads.PractitionerIdAsync(nurseId, cancellationToken) is not { } practitioner)
            {
                continue;
            }

            // The profile holds the nurse's NPI, or "Practitioner/{EHR id}" (sent as that id).
            people[nurseId] = practitioner.Length == 10 && practitioner.All(char.IsAsciiDigit)
                ? new Hl7Person(practitioner, AssigningAuthority: "NPI", IdentifierType: "NPI")
                : new Hl7Person(practitioner.StartsWith("Practitioner/", StringComparison.Ordinal) ? practitioner["Practitioner/".Length..] : practitioner);
        }

        return people;
    }
}
