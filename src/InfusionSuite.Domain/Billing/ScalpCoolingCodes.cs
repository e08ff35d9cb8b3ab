namespace InfusionSuite.Domain.Billing;

/// <summary>The CPT Category III codes for scalp cooling.</summary>
public static class ScalpCoolingCodes
{
    /// <summary>Initial measurement and calibration of the cap: once per course (or patient).</summary>
    public const string Calibration = "0662T";

    /// <summary>Placement, monitoring and removal of the device: add-on, MUE 1 per date of service.</summary>
    public const string Placement = "0663T";
}
