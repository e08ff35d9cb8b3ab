using System.ComponentModel.DataAnnotations;
using InfusionSuite.Domain.Billing;

namespace InfusionSuite.Application.Configuration;

/// <summary>The site's billing settings (<c>Billing:…</c>); the time zone gives the date of service.</summary>
public sealed class BillingOptions
{
    public const string SectionName = "Billing";

    /// <summary>IANA time zone of the facility, e.g. <c>America/New_York</c> (default UTC: configure it).</summary>
    [Required]
    public string SiteTimeZone { get; set; } = "UTC";

    /// <summary>How often 0662T (calibration) may be reported: <c>Course</c> once per course (default), <c>Patient</c> once per patient.</summary>
    public CalibrationScope CalibrationScope { get; set; } = CalibrationScope.Course;

    /// <summary>More sessions than this in a course add a medical-review warning to billing (a warning, never a block).</summary>
    [Range(1, 1000)]
    public int MedicalReviewSessionThreshold { get; set; } = 8;

    /// <summary>Replaces the default primary administration codes when any are given.</summary>
    public List<string> AllowedPrimaryCodes { get; set; } = [];

    public BillingPolicy ToPolicy()
    {
        var defaults = BillingPolicy.Default;
        return new BillingPolicy
        {
            SiteTimeZone = TimeZoneInfo.FindSystemTimeZoneById(SiteTimeZone),
            CalibrationScope = CalibrationScope,
            MedicalReviewSessionThreshold = MedicalReviewSessionThreshold,
            AllowedPrimaryCodes = AllowedPrimaryCodes.Count == 0
                ? defaults.AllowedPrimaryCodes
                : new HashSet<string>(AllowedPrimaryCodes, StringComparer.Ordinal),
        };
    }
}
