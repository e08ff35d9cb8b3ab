namespace InfusionSuite.Domain.Billing;

/// <summary>
/// The scalp-cooling codes shipped with the product, by name. Which one a charge takes is decided by
/// the code set in force on its date of service (<see cref="BillingCodeSet"/>), never by these constants.
/// </summary>
public static class ScalpCoolingCodes
{
    /// <summary>Initial measurement and calibration of the cap (Category III, to 2025-12-31).</summary>
    public const string Calibration = "0662T";

    /// <summary>Placement, monitoring and removal of the device (Category III add-on, to 2025-12-31).</summary>
    public const string Placement = "0663T";

    /// <summary>Initial fitting of the cap (Category I, from 2026-01-01).</summary>
    public const string Fitting = "97007";

    /// <summary>Scalp cooling in a chemotherapy session (Category I, from 2026-01-01).</summary>
    public const string Session = "97008";

    /// <summary>Post-infusion cooling, per 30 minutes (Category I add-on, from 2026-01-01).</summary>
    public const string PostInfusionTime = "97009";
}
