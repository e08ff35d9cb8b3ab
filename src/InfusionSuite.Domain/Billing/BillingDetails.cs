namespace InfusionSuite.Domain.Billing;

/// <summary>
/// What a billing system needs of a session beside its clinical record, as staff gave it at the start
/// or later (docs/clinical-rules.md, Billing). The visit is the plan's encounter reference. PHI-adjacent:
/// never logged, never in exception text.
/// </summary>
/// <param name="OrderingProviderNpi">The NPI of the oncologist who ordered the chemotherapy (and with it the cooling).</param>
/// <param name="Diagnoses">ICD-10-CM codes of the order, e.g. <c>C50.911</c>; the first is the primary.</param>
/// <param name="Payer">The payer's name as <c>Billing:Payers</c> gives it: its code set replaces the site's for this session.</param>
public sealed record BillingDetails(string? OrderingProviderNpi = null, IReadOnlyList<string>? Diagnoses = null, string? Payer = null)
{
    public static BillingDetails None { get; } = new();

    /// <summary>The diagnoses, never null.</summary>
    public IReadOnlyList<string> DiagnosisCodes => Diagnoses ?? [];

    /// <summary>These details with each one <paramref name="given"/> names replacing this one's (what it leaves out stays).</summary>
    public BillingDetails With(BillingDetails given)
    {
        ArgumentNullException.ThrowIfNull(given);
        return new BillingDetails(
            given.OrderingProviderNpi ?? OrderingProviderNpi,
            given.Diagnoses is { Count: > 0 } diagnoses ? diagnoses : Diagnoses,
            given.Payer ?? Payer);
    }

    /// <summary>One comparable line (for "did anything sent change").</summary>
    public override string ToString() => $"{OrderingProviderNpi}|{string.Join(",", DiagnosisCodes)}|{Payer}";
}
