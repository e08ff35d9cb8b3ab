using Hl7.Fhir.Model;
using InfusionSuite.Fhir.Delivery;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>
/// The <see cref="FhirDeliveryShape.Transaction"/> shape's reference check, the rule of every shape: before the Bundle
/// goes, each reference to what the EHR owns is checked there (a literal one read, a logical one searched by MRN, visit
/// number, NPI or order number) and sent literal; an item with any the EHR does not hold is held for staff with the reason.
/// </summary>
internal sealed class TransactionReferences(EhrCapabilityReader capabilities, ReferenceResolver resolver)
{
    /// <summary>The Bundle with literal references, or why it is not sent now (<see cref="ResolvedReferences.Stop"/>).</summary>
    public async Task<(Bundle? Bundle, FhirSendResult? Stop)> ResolveAsync(Bundle bundle, CancellationToken cancellationToken)
    {
        var (known, _, unread) = await capabilities.ReadForDeliveryAsync(cancellationToken);
        if (known is null)
        {
            return (null, unread);
        }

        var references = await resolver.ResolveAsync(bundle, known, sent: null, sessionId: string.Empty, cancellationToken);
        if (references.Stop() is { } stop)
        {
            return (null, stop);
        }

        var resolved = bundle.DeepCopy();
        foreach (var entry in resolved.Entry.Where(e => e.Resource is not null))
        {
            ResourceFields.Rewrite(entry.Resource!, references.Rewrite);
        }

        return (resolved, null);
    }
}
