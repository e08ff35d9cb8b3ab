namespace InfusionSuite.Domain.Sessions;

/// <summary>Small interval arithmetic for the record (a handful of intervals per session).</summary>
internal static class IntervalMath
{
    /// <summary>The union of both lists, sorted and merged where they overlap or touch.</summary>
    public static List<TimeInterval> Union(List<TimeInterval> first, List<TimeInterval> second)
    {
        var all = new List<TimeInterval>(first.Count + second.Count);
        all.AddRange(first);
        all.AddRange(second);
        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<TimeInterval>(all.Count);
        foreach (var interval in all)
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = interval.End > last.End ? interval.End : last.End };
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }

    /// <summary>The parts of <paramref name="intervals"/> inside the window, empty parts dropped.</summary>
    public static List<TimeInterval> Clip(List<TimeInterval> intervals, TimeInterval window)
    {
        var clipped = new List<TimeInterval>();
        foreach (var interval in intervals)
        {
            var start = interval.Start > window.Start ? interval.Start : window.Start;
            var end = interval.End < window.End ? interval.End : window.End;
            if (end > start)
            {
                clipped.Add(new TimeInterval(start, end));
            }
        }

        return clipped;
    }

    /// <summary>The parts of <paramref name="intervals"/> outside every one of <paramref name="removed"/>, empty parts dropped.</summary>
    public static List<TimeInterval> Subtract(List<TimeInterval> intervals, IReadOnlyList<TimeInterval> removed)
    {
        var result = new List<TimeInterval>(intervals.Count);
        foreach (var interval in intervals)
        {
            var start = interval.Start;
            foreach (var cut in removed)
            {
                if (cut.End <= start || cut.Start >= interval.End)
                {
                    continue;
                }

                if (cut.Start > start)
                {
                    result.Add(new TimeInterval(start, cut.Start));
                }

                start = cut.End > start ? cut.End : start;
            }

            if (interval.End > start)
            {
                result.Add(new TimeInterval(start, interval.End));
            }
        }

        return result;
    }

    public static TimeSpan Total(List<TimeInterval> intervals)
    {
        var total = TimeSpan.Zero;
        foreach (var interval in intervals)
        {
            total += interval.Duration;
        }

        return total;
    }

    public static InterruptionSummary Summarize(List<TimeInterval> gaps)
    {
        if (gaps.Count == 0)
        {
            return InterruptionSummary.None;
        }

        var longest = TimeSpan.Zero;
        foreach (var gap in gaps)
        {
            longest = gap.Duration > longest ? gap.Duration : longest;
        }

        return new InterruptionSummary(gaps.Count, Total(gaps), longest);
    }

    public static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
