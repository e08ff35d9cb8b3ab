using InfusionSuite.Fhir.Delivery;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>
/// Whether the EHR can take the configured delivery shape: null when it can, else one line naming the mismatch. Transaction needs
/// the transaction interaction; Individual and Millennium need Procedure create; Individual also Procedure update (its corrections
/// and voids are updates by id; identifier search is used where declared, else a lost answer parks); Millennium with charges needs
/// ChargeItem <c>$create</c> (docs/integration.md, "What each EHR must allow").
/// </summary>
public static class ShapeCheck
{
    public static string? Mismatch(FhirDeliveryShape shape, EhrCapabilities capabilities, bool chargeItems)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        const string Setting = FhirDeliveryOptions.SectionName + ":" + nameof(FhirDeliveryOptions.Shape);
        switch (shape)
        {
            case FhirDeliveryShape.Transaction when !capabilities.Transactions:
                return $"{Setting} is Transaction, but the EHR's /metadata declares no transaction interaction: choose Individual (Epic-like servers) or Millennium (Oracle Health).";
            case FhirDeliveryShape.Individual or FhirDeliveryShape.Millennium when !capabilities.Can("Procedure", "create"):
                return $"{Setting} is {shape}, but the EHR's /metadata declares no create for Procedure: it takes no scalp-cooling record over FHIR (send HL7 v2 instead, Hl7:Enabled).";
            case FhirDeliveryShape.Individual when !capabilities.Can("Procedure", "update"):
                return $"{Setting} is Individual, but the EHR's /metadata declares no update for Procedure: the shape sends corrections and voids as updates by id. "
                    + "Choose Millennium (Oracle Health: corrections are parked for staff to make by hand) or Transaction.";
            case FhirDeliveryShape.Millennium when chargeItems && !capabilities.HasOperation("ChargeItem", "create"):
                return $"{Setting} is Millennium with Fhir:Mapping:ChargeItems on, but the EHR's /metadata declares no ChargeItem $create operation: turn charges off or send them over HL7 v2.";
            default:
                return null;
        }
    }

    /// <summary>
    /// Null when the charges reach someone; else one line saying they reach no one: the EHR takes no ChargeItem in the shape
    /// (Epic: none; Millennium: only through <c>$create</c>) and HL7 v2, which would carry them as DFT^P03, is off.
    /// </summary>
    public static string? ChargesGoNowhere(FhirDeliveryShape shape, EhrCapabilities capabilities, bool chargeItems, bool hl7Enabled)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        var takes = shape == FhirDeliveryShape.Millennium ? capabilities.HasOperation("ChargeItem", "create") : capabilities.Can("ChargeItem", "create");
        return !chargeItems || takes || hl7Enabled
            ? null
            : $"Billable charges are sent nowhere: the EHR takes no ChargeItem in the {shape} shape and HL7 v2 is off. Turn on Hl7:Enabled "
                + "(charges go to the interface engine as DFT^P03), or set Fhir:Mapping:ChargeItems=false if charges are captured elsewhere.";
    }
}
