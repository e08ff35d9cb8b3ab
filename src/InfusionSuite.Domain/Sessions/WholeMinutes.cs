namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// The one rounding rule for durations shown, sent, billed and compared (docs/clinical-rules.md, "Minutes: one
/// rounding rule"): whole minutes, a minute begun counts (rounded up: 59 min 59.9 s is 60 min, 89 min 0 s is 89 min).
/// Targets and thresholds are whole minutes, so a comparison of the shown figure gives the same answer as one of the
/// exact duration: short of a 90-min target by a minute or more is exactly "fewer than 90 shown" ("post-cooling 89 of
/// 90" always comes with SHORT_POSTCOOL, "90 of 90" never), over a 5-min threshold is exactly "more than 5 shown".
/// Durations are stored exactly; only what is shown, sent and billed is rounded.
/// </summary>
public static class WholeMinutes
{
    /// <summary>The span in whole minutes, rounded up (0 for a span of 0 or less).</summary>
    public static int Of(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (int)((span.Ticks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute);

    /// <summary>The span in minutes to two decimals, by the same rule (rounded up), for the EHR's quantities.</summary>
    public static decimal Hundredths(TimeSpan span) => decimal.Round((decimal)span.Ticks / TimeSpan.TicksPerMinute, 2, MidpointRounding.ToPositiveInfinity);

    /// <summary>How many whole minutes <paramref name="actual"/> falls short of <paramref name="target"/> as shown (the target's less the actual's), else 0.</summary>
    public static int ShortBy(TimeSpan actual, TimeSpan target) => Math.Max(0, Of(target) - Of(actual));
}
