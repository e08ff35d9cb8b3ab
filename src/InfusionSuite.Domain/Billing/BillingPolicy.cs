namespace InfusionSuite.Domain.Billing;

/// <summary>A site's billing settings, with the defaults of docs/clinical-rules.md.</summary>
public sealed record BillingPolicy
{
    /// <summary>The defaults; the site time zone defaults to UTC and should always be configured.</summary>
    public static BillingPolicy Default { get; } = new();

    /// <summary>Primary chemotherapy administration codes 0663T may be reported with.</summary>
    public IReadOnlySet<string> AllowedPrimaryCodes { get; init; } =
        new HashSet<string>(["96409", "96411", "96413", "96415", "96416", "96417"], StringComparer.Ordinal);

    public CalibrationScope CalibrationScope { get; init; } = CalibrationScope.Course;

    /// <summary>More sessions than this in a course may trigger medical review: warn, never block.</summary>
    public int MedicalReviewSessionThreshold { get; init; } = 8;

    /// <summary>The facility's time zone: the date of service is its local calendar date.</summary>
    public TimeZoneInfo SiteTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The facility's local calendar date of an instant.</summary>
    public DateOnly DateOfService(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, SiteTimeZone).DateTime);
}
