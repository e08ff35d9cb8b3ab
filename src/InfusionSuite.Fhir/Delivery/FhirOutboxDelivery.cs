using InfusionSuite.Application.Outbox;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>The outbox is delivered when an EHR is configured (<c>Fhir:Delivery:BaseUrl</c>).</summary>
internal sealed class FhirOutboxDelivery(IOptions<FhirDeliveryOptions> options) : IOutboxDelivery
{
    public bool IsConfigured => options.Value.BaseUrl is not null;
}
