using Hl7.Fhir.Model;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Delivery;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>
/// Delivers a session's Bundle one resource at a time (the <c>Individual</c> and <c>Millennium</c>
/// shapes), in the Bundle's order (Device, Procedures, Observations, charges): every reference to what the EHR owns
/// checked first and logical ones resolved (an item with any the EHR does not hold is held for staff), each
/// create a plain <c>POST</c> whose server id is kept, later voids and corrections updates by that id.
/// A create whose answer was lost is looked up by identifier where the EHR can search it, and
/// otherwise parked for staff; it is never sent again blindly. Resource types the EHR does not take
/// are left out, each named in the attempt.
/// </summary>
internal sealed class IndividualDelivery(
    EhrRestClient ehr,
    EhrCapabilityReader capabilities,
    ReferenceResolver resolver,
    IOutbox outbox,
    IOptions<FhirDeliveryOptions> options) : IFhirResourceDelivery
{
    public async Task<FhirSendResult> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var (known, _, unread) = await capabilities.ReadForDeliveryAsync(cancellationToken);
        if (known is null)
        {
            return unread!;
        }

        var sessionId = item.SessionId;
        var sent = await SentResources.ReadAsync(outbox, item, cancellationToken);
        var bundle = FhirJson.Parse<Bundle>(item.Payload);
        if (options.Value.Shape == FhirDeliveryShape.Millennium)
        {
            MillenniumRules.DropIgnoredReferences(bundle);
        }

        var references = await resolver.ResolveAsync(bundle, known, sent, sessionId, cancellationToken);
        if (references.Stop() is { } held)
        {
            return held;
        }

        var run = new IndividualRun(ehr, known, sent, sessionId, options.Value, references);
        foreach (var entry in bundle.Entry)
        {
            if (await run.DeliverAsync(entry, cancellationToken) is { } stop)
            {
                return stop with { Resources = [.. run.Resources] };
            }
        }

        return run.Finish() with { Resources = [.. run.Resources] };
    }
}
