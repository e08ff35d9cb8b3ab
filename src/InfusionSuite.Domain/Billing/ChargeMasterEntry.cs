namespace InfusionSuite.Domain.Billing;

/// <summary>A code's line in the site's charge description master (<c>Billing:ChargeMaster:{code}</c>).</summary>
/// <param name="Number">The charge-master (CDM) number the hospital's billing system posts the charge under.</param>
/// <param name="RevenueCode">The UB-04 revenue code (four digits, e.g. <c>0940</c>); null when the CDM line carries it.</param>
public sealed record ChargeMasterEntry(string Number, string? RevenueCode);
