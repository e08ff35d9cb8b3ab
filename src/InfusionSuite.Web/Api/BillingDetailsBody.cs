namespace InfusionSuite.Web.Api;

/// <summary>
/// Billing details for a session, at any time after its start (also after its end): the visit
/// (<c>Encounter/{EHR id}</c> or the visit/account number), the ordering provider's NPI, ICD-10-CM
/// diagnoses (primary first) and the payer. A field left out keeps what the session has.
/// </summary>
public sealed record BillingDetailsBody(string? Visit, string? OrderingProviderNpi, IReadOnlyList<string>? Diagnoses, string? Payer);
