using System.Globalization;
using Hl7.Fhir.Model;
using InfusionSuite.Application.Billing;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Fhir.Mapping;

/// <summary>
/// One ChargeItem per billing decision of the session, coded from the code set in force with its
/// quantity (time units for 97009): <c>billable</c>, or <c>not-billable</c> with the rule that decided
/// it in the note; <c>planned</c> while held (no visit yet); <c>entered-in-error</c> when the session was voided.
/// Performers: the nurse who started the session and, when staff gave one, the ordering provider (by NPI);
/// reasons: the diagnoses (ICD-10-CM) staff gave; the site's department, charge-master line and modifiers in the note.
/// </summary>
internal static class ChargeItemMapping
{
    public static ChargeItem For(BundleScope scope, CodeDecision decision, ResourceReference? service)
    {
        var display = decision.Display.Length > 0 ? decision.Display : decision.Code;
        var charge = new ChargeItem
        {
            Identifier = [scope.SessionIdentifier("charge/" + decision.Code)],
            Status = Status(scope, decision),
            Code = new CodeableConcept { Coding = [new Coding(FhirCodes.Cpt, decision.Code, display)], Text = display },
            Subject = scope.Patient(),
            Context = scope.Encounter(),
            Occurrence = new FhirDateTime(decision.DateOfService.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Quantity = new Quantity { Value = decision.Units },
            Note = [new Annotation { Text = BillingRuleText.For(decision) }],
        };
        if (service is not null)
        {
            charge.Service = [service];
        }

        var record = scope.Record;
        var performing = record.NurseEntries.FirstOrDefault(e => e.Kind == NurseActionKind.StartSession)?.NurseId ?? record.Nurses[0];
        charge.Performer = [new ChargeItem.PerformerComponent { Function = new CodeableConcept { Text = "performing nurse" }, Actor = scope.Practitioner(performing) }];
        if (record.Plan.Billing?.OrderingProviderNpi is { } npi)
        {
            charge.Performer.Add(new ChargeItem.PerformerComponent
            {
                Function = new CodeableConcept { Text = "ordering provider" },
                Actor = EhrReference.ByIdentifier("Practitioner", NpiSystem, npi).ToFhir(),
            });
        }

        charge.Reason = [.. (record.Plan.Billing?.DiagnosisCodes ?? []).Select(code => new CodeableConcept { Coding = [new Coding(Icd10CmSystem, code)] })];
        return charge;
    }

    /// <summary>The US National Provider Identifier.</summary>
    public const string NpiSystem = "http://hl7.org/fhir/sid/us-npi";

    public const string Icd10CmSystem = "http://hl7.org/fhir/sid/icd-10-cm";

    /// <summary>The charge's status: a held charge (no visit yet) is <c>planned</c>, never <c>billable</c>.</summary>
    public static ChargeItem.ChargeItemStatus Status(BundleScope scope, CodeDecision decision) =>
        scope.Voided ? ChargeItem.ChargeItemStatus.EnteredInError : Status(decision);

    public static ChargeItem.ChargeItemStatus Status(CodeDecision decision) =>
        decision.Billable ? ChargeItem.ChargeItemStatus.Billable
        : decision.IsHeld ? ChargeItem.ChargeItemStatus.Planned
        : ChargeItem.ChargeItemStatus.NotBillable;
}
