namespace InfusionSuite.Application.Billing;

/// <summary>What staff enter for a session's billing, as typed (checked by <see cref="BillingDetailsValidation"/>); a field left empty keeps what the session has.</summary>
/// <param name="Visit"><c>Encounter/{EHR id}</c> or the visit/account number.</param>
/// <param name="OrderingProviderNpi">The ordering oncologist's NPI (10 digits).</param>
/// <param name="Diagnoses">ICD-10-CM codes, the primary first (e.g. <c>C50.911</c>).</param>
/// <param name="Payer">The payer's name as the site's billing settings give it.</param>
public sealed record BillingDetailsEntry(string? Visit, string? OrderingProviderNpi, IReadOnlyList<string>? Diagnoses, string? Payer);
