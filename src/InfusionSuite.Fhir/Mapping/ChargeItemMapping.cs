using System.Globalization;
using Hl7.Fhir.Model;
using InfusionSuite.Application.Billing;
using InfusionSuite.Domain.Billing;

namespace InfusionSuite.Fhir.Mapping;

/// <summary>
/// One ChargeItem per billing decision of the session, coded from the code set in force with its
/// quantity (time units for 97009): <c>billable</c>, or <c>not-billable</c> with the rule that decided
/// it in the note; <c>entered-in-error</c> when the session was voided.
/// </summary>
internal static class ChargeItemMapping
{
    public static ChargeItem For(BundleScope scope, CodeDecision decision, ResourceReference? service)
    {
        var display = decision.Display.Length > 0 ? decision.Display : decision.Code;
        var charge = new ChargeItem
        {
            Identifier = [scope.SessionIdentifier("charge/" + decision.Code)],
            Status = scope.Voided ? ChargeItem.ChargeItemStatus.EnteredInError
                : decision.Billable ? ChargeItem.ChargeItemStatus.Billable
                : ChargeItem.ChargeItemStatus.NotBillable,
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

        return charge;
    }
}
