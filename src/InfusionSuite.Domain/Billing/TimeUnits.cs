namespace InfusionSuite.Domain.Billing;

/// <summary>Time units from measured minutes (whole minutes: 15 min 59 s is 15 minutes).</summary>
public static class TimeUnits
{
    public static int Count(int minutes, int unitMinutes, TimeUnitRule rule)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unitMinutes);
        if (minutes <= 0)
        {
            return 0;
        }

        return rule switch
        {
            // Unit n is reached at (n - 1) × unit + half a unit + 1 minute: 30-min units at 16, 46, 76 …
            TimeUnitRule.Midpoint => (minutes + unitMinutes - (unitMinutes / 2) - 1) / unitMinutes,
            _ => minutes / unitMinutes,
        };
    }

    /// <summary>
    /// Completed minutes of a measured span (never negative): the billing spec's time rule counts them (less than 16
    /// minutes is no 30-min unit, so 15 min 59 s is 15). The one exception to <see cref="Sessions.WholeMinutes"/>, which
    /// shows that span as 16 (docs/clinical-rules.md, "Minutes: one rounding rule").
    /// </summary>
    public static int WholeMinutes(TimeSpan measured) => measured <= TimeSpan.Zero ? 0 : (int)measured.TotalMinutes;
}
