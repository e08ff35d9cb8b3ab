using InfusionSuite.Fhir.Delivery;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>Whether the EHR can take the configured delivery shape: null when it can, else one line naming the mismatch.</summary>
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
            case FhirDeliveryShape.Millennium when chargeItems && !capabilities.HasOperation("ChargeItem", "create"):
                return $"{Setting} is Millennium with Fhir:Mapping:ChargeItems on, but the EHR's /metadata declares no ChargeItem $create operation: turn charges off or send them over HL7 v2.";
            default:
                return null;
        }
    }
}
