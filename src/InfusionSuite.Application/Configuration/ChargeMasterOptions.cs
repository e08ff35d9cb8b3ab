namespace InfusionSuite.Application.Configuration;

/// <summary>A billing code's line in the site's charge description master (<c>Billing:ChargeMaster:{code}</c>).</summary>
public sealed class ChargeMasterOptions
{
    /// <summary>The CDM number the hospital's billing system posts the charge under (FT1-7.4, the ChargeItem's note).</summary>
    public string Number { get; set; } = string.Empty;

    /// <summary>The UB-04 revenue code, four digits (e.g. <c>0940</c>); empty when the CDM line carries it.</summary>
    public string? RevenueCode { get; set; }
}
