namespace InfusionSuite.Domain.Courses;

/// <summary>Mean and median of durations (to the tick).</summary>
internal static class Durations
{
    public static TimeSpan? Mean(IReadOnlyCollection<TimeSpan> values) =>
        values.Count == 0 ? null : TimeSpan.FromTicks(values.Sum(v => v.Ticks) / values.Count);

    /// <summary>The middle value; the mean of the two middle ones for an even count.</summary>
    public static TimeSpan? Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : TimeSpan.FromTicks((sorted[mid - 1].Ticks + sorted[mid].Ticks) / 2);
    }
}
