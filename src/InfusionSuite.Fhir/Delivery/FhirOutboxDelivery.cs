using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Shapes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>
/// The outbox is delivered when an EHR is configured (<c>Fhir:Delivery:BaseUrl</c>); once the EHR's CapabilityStatement is read,
/// it warns when billable charges reach no one (<see cref="ShapeCheck.ChargesGoNowhere"/>, the line the start-up check logs).
/// </summary>
internal sealed class FhirOutboxDelivery(
    IOptions<FhirDeliveryOptions> options, IOptions<FhirMappingOptions> mapping, EhrCapabilityReader capabilities, IConfiguration configuration) : IOutboxDelivery
{
    public bool IsConfigured => options.Value.BaseUrl is not null;

    public IReadOnlyList<string> Warnings =>
        IsConfigured && capabilities.Known is { } known
            && ShapeCheck.ChargesGoNowhere(options.Value.Shape, known, mapping.Value.ChargeItems, configuration.GetValue<bool>("Hl7:Enabled")) is { } warning
            ? [warning]
            : [];
}
