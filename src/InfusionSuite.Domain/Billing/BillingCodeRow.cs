using System.Globalization;

namespace InfusionSuite.Domain.Billing;

/// <summary>
/// One row of a code set: a billing code, when it is in force (by date of service, both ends
/// inclusive, null for open), what a unit reports, what it pairs with and its limit per date.
/// </summary>
/// <param name="UnitMinutes">Minutes per unit for <see cref="BillingCodeScope.Time"/> codes; null otherwise.</param>
/// <param name="PerDateLimit">Billable units (sessions) per patient and date of service; null for no limit.</param>
/// <param name="Source">Where the row comes from, shown in the docs and to the billing office.</param>
public sealed record BillingCodeRow(
    string Code,
    string Display,
    DateOnly? InForceFrom,
    DateOnly? InForceTo,
    BillingCodeScope Scope,
    int? UnitMinutes,
    BillingPairing Pairing,
    int? PerDateLimit,
    string Source)
{
    public bool InForceOn(DateOnly dateOfService) =>
        (InForceFrom is not { } from || dateOfService >= from) && (InForceTo is not { } to || dateOfService <= to);

    /// <summary>How a row is named in messages: code and the dates it is in force.</summary>
    public string Name => string.Create(
        CultureInfo.InvariantCulture,
        $"{Code} ({InForceFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} to {InForceTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"})");
}
