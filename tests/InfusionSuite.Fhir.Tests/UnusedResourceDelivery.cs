using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Delivery;

namespace InfusionSuite.Fhir.Tests;

/// <summary>For dispatcher tests of the transaction shape: one request per resource must never be asked for.</summary>
internal sealed class UnusedResourceDelivery : IFhirResourceDelivery
{
    public Task<FhirSendResult> SendAsync(OutboxItem item, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The transaction shape sends Bundles, never one resource at a time.");
}
