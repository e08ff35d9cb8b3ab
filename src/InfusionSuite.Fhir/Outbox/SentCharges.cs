using Hl7.Fhir.Model;
using InfusionSuite.Domain.Billing;

namespace InfusionSuite.Fhir.Outbox;

/// <summary>
/// What the EHR was last told of a session's charges, read from the Bundles written for it (the last
/// one naming a ChargeItem wins), and whether a decision differs from it.
/// </summary>
internal sealed class SentCharges
{
    private readonly Dictionary<string, (ChargeItem.ChargeItemStatus? Status, decimal? Quantity)> _byCode = new(StringComparer.Ordinal);

    public static SentCharges From(IEnumerable<string> payloads)
    {
        var sent = new SentCharges();
        foreach (var payload in payloads)
        {
            foreach (var charge in FhirJson.Parse<Bundle>(payload).Entry.Select(e => e.Resource).OfType<ChargeItem>())
            {
                if (charge.Code?.Coding.FirstOrDefault()?.Code is { } code)
                {
                    sent._byCode[code] = (charge.Status, charge.Quantity?.Value);
                }
            }
        }

        return sent;
    }

    public bool IsEmpty => _byCode.Count == 0;

    /// <summary>Whether any decision's status or quantity is not what was sent.</summary>
    public bool Differs(IEnumerable<CodeDecision> decisions) => decisions.Any(d =>
        !_byCode.TryGetValue(d.Code, out var sent)
        || sent.Status != Mapping.ChargeItemMapping.Status(d)
        || sent.Quantity != d.Units);
}
