using InfusionSuite.Application.Outbox;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>Sends one outbox item's resources one request at a time (the shapes other than <see cref="FhirDeliveryShape.Transaction"/>); never throws for HTTP or network failures.</summary>
public interface IFhirResourceDelivery
{
    Task<FhirSendResult> SendAsync(OutboxItem item, CancellationToken cancellationToken);
}
