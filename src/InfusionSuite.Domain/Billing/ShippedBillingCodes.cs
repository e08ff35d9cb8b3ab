namespace InfusionSuite.Domain.Billing;

/// <summary>
/// The code rows shipped with InfusionSuite (docs/clinical-rules.md, Billing). The billing office
/// confirms them against the site's CPT book and payers; settings override them per site and payer.
/// </summary>
public static class ShippedBillingCodes
{
    private static readonly DateOnly s_lastCategoryIII = new(2025, 12, 31);
    private static readonly DateOnly s_firstCategoryI = new(2026, 1, 1);

    public static IReadOnlyList<BillingCodeRow> Rows { get; } =
    [
        new("0662T", "Scalp cooling, mechanical; initial measurement and calibration of cap",
            null, s_lastCategoryIII, BillingCodeScope.Course, null, BillingPairing.None, null,
            "CPT Category III; CGS 17 Mar 2025 (OPPS status S). Billing office to confirm."),
        new("0663T", "Scalp cooling, mechanical; placement of device, monitoring, and removal of device",
            null, s_lastCategoryIII, BillingCodeScope.Session, null, BillingPairing.ChemotherapyPrimary, 1,
            "CPT Category III add-on; MUE 1 per date; CGS 17 Mar 2025 (OPPS status N). Billing office to confirm."),
        new("97007", "Scalp cooling; initial fitting of the cap, measurement, calibration and patient education",
            s_firstCategoryI, null, BillingCodeScope.Course, null, BillingPairing.None, null,
            "CPT 2026 Category I; Cooler Heads on the CY2026 Medicare PFS. Billing office to confirm against the site's CPT 2026 book."),
        new("97008", "Scalp cooling in a chemotherapy session; hair preparation, cap placement, device start and pre-infusion cooling",
            s_firstCategoryI, null, BillingCodeScope.Session, null, BillingPairing.ChemotherapyPrimary, 1,
            "CPT 2026 Category I; public code summaries of 97008; Paxman. Per-date limit 1 assumed: billing office to confirm."),
        new("97009", "Scalp cooling continued after the infusion ends, each 30 minutes",
            s_firstCategoryI, null, BillingCodeScope.Time, 30, BillingPairing.SessionCode, null,
            "CPT 2026 Category I add-on to 97008; CMS PFS 2026 values it per 30 minutes. Billing office to confirm."),
    ];

    /// <summary>The Category III rows with no end date: a payer that still takes the old codes after 2025.</summary>
    public static IReadOnlyList<BillingCodeRow> CategoryIIIOpenEnded { get; } =
        [.. Rows.Where(r => r.InForceTo == s_lastCategoryIII).Select(r => r with { InForceTo = null })];
}
