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

    /// <summary>How post-infusion cooling minutes become time units (97009): <c>Midpoint</c> (CPT: a unit when its midpoint is passed, 16 min for 30-min units) or <c>WholeUnits</c>.</summary>
    public TimeUnitRule TimeUnitRule { get; set; } = TimeUnitRule.Midpoint;

    /// <summary>The site's code set; replaces the shipped rows (0662T/0663T to 2025-12-31, 97007/97008/97009 from 2026-01-01) when any are given.</summary>
    public List<BillingCodeRowOptions> CodeRows { get; set; } = [];

    /// <summary>
    /// Hold charges of sessions without a visit (encounter or account) with the reason (<c>NO_VISIT</c>) instead of
    /// sending them as billable, until staff give the visit (billing.md §5: "a charge without a visit is held … never
    /// sent as billable"). On by default; a site whose billing system attaches visits itself may turn it off.
    /// </summary>
    public bool HoldChargesWithoutVisit { get; set; } = true;

    /// <summary>Payers whose code set differs from the site's.</summary>
    public List<BillingPayerOptions> Payers { get; set; } = [];

    /// <summary>The department scalp-cooling charges are posted to (FT1-13, the ChargeItem's note); empty for <c>Hl7:Department</c>.</summary>
    public string? Department { get; set; }

    /// <summary>The site's charge-master line per billing code, e.g. <c>Billing:ChargeMaster:97008:Number</c>, <c>…:RevenueCode</c>.</summary>
    public Dictionary<string, ChargeMasterOptions> ChargeMaster { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The modifier on the per-session code of a session stopped early, for a site that bills reduced services (e.g. <c>52</c>); empty for none.</summary>
    public string? EarlyStopModifier { get; set; }

    public BillingPolicy ToPolicy()
    {
        var defaults = BillingPolicy.Default;
        return new BillingPolicy
        {
            TimeUnitRule = TimeUnitRule,
            HoldWithoutVisit = HoldChargesWithoutVisit,
            Codes = CodeRows.Count == 0 ? defaults.Codes : BillingCodeSet.Create(CodeRows.Select(r => r.ToRow().Row!)),
            PayerCodes = Payers.ToDictionary(
                p => p.Name.Trim(),
                p => BillingCodeSet.Create(p.CodeRows.Select(r => r.ToRow().Row!)),
                StringComparer.Ordinal),
            SiteTimeZone = TimeZoneInfo.FindSystemTimeZoneById(SiteTimeZone),
            CalibrationScope = CalibrationScope,
            MedicalReviewSessionThreshold = MedicalReviewSessionThreshold,
            Department = string.IsNullOrWhiteSpace(Department) ? null : Department.Trim(),
            ChargeMaster = ChargeMaster.ToDictionary(
                e => e.Key.Trim(),
                e => new ChargeMasterEntry(e.Value.Number.Trim(), string.IsNullOrWhiteSpace(e.Value.RevenueCode) ? null : e.Value.RevenueCode.Trim()),
                StringComparer.Ordinal),
            EarlyStopModifier = string.IsNullOrWhiteSpace(EarlyStopModifier) ? null : EarlyStopModifier.Trim(),
            AllowedPrimaryCodes = AllowedPrimaryCodes.Count == 0
                ? defaults.AllowedPrimaryCodes
                : new HashSet<string>(AllowedPrimaryCodes, StringComparer.Ordinal),
        };
    }
}
