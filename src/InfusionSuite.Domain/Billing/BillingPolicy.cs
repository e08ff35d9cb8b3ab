namespace InfusionSuite.Domain.Billing;

/// <summary>A site's billing settings, with the defaults of docs/clinical-rules.md.</summary>
public sealed record BillingPolicy
{
    /// <summary>The defaults; the site time zone defaults to UTC and should always be configured.</summary>
    public static BillingPolicy Default { get; } = new();

    /// <summary>The chemotherapy administration codes a scalp-cooling code pairs with (<see cref="BillingPairing.ChemotherapyPrimary"/>).</summary>
    public IReadOnlySet<string> AllowedPrimaryCodes { get; init; } =
        new HashSet<string>(["96409", "96411", "96413", "96415", "96416", "96417"], StringComparer.Ordinal);

    public CalibrationScope CalibrationScope { get; init; } = CalibrationScope.Course;

    /// <summary>More sessions than this in a course may trigger medical review: warn, never block.</summary>
    public int MedicalReviewSessionThreshold { get; init; } = 8;

    /// <summary>The facility's time zone: the date of service is its local calendar date.</summary>
    public TimeZoneInfo SiteTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The site's code set (the shipped rows unless the site overrides them).</summary>
    public BillingCodeSet Codes { get; init; } = BillingCodeSet.Shipped;

    /// <summary>Code sets of payers that differ from the site's, by payer name.</summary>
    public IReadOnlyDictionary<string, BillingCodeSet> PayerCodes { get; init; } = new Dictionary<string, BillingCodeSet>(StringComparer.Ordinal);

    /// <summary>How post-infusion cooling minutes become time units.</summary>
    public TimeUnitRule TimeUnitRule { get; init; } = TimeUnitRule.Midpoint;

    /// <summary>Hold a charge the rules allow when the session has no visit (encounter or account), with the reason, instead of sending it as billable.</summary>
    public bool HoldWithoutVisit { get; init; }

    /// <summary>The department the site posts scalp-cooling charges to (FT1-13, the ChargeItem's note); null for the HL7 channel's own.</summary>
    public string? Department { get; init; }

    /// <summary>The site's charge-master line per billing code (CDM number, revenue code); a code without one is posted by its CPT code alone.</summary>
    public IReadOnlyDictionary<string, ChargeMasterEntry> ChargeMaster { get; init; } = new Dictionary<string, ChargeMasterEntry>(StringComparer.Ordinal);

    /// <summary>The modifier a site that bills reduced services puts on the per-session code of a session stopped early (e.g. <c>52</c>); null for none.</summary>
    public string? EarlyStopModifier { get; init; }

    /// <summary>The code set for a payer: its own when the site configured one, else the site's.</summary>
    public BillingCodeSet CodesFor(string? payer) =>
        payer is { Length: > 0 } && PayerCodes.TryGetValue(payer, out var codes) ? codes : Codes;

    /// <summary>The facility's local calendar date of an instant.</summary>
    public DateOnly DateOfService(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, SiteTimeZone).DateTime);
}
