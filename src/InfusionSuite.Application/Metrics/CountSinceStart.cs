using System.Diagnostics.Metrics;

namespace InfusionSuite.Application.Metrics;

/// <summary>
/// A count since the process started, reported at every collection as an observable counter with one series per tag
/// set given here, each 0 until its first count. A <see cref="Counter{T}"/> has no series before its first
/// measurement, so a dashboard or an alert cannot tell "none yet" from "not reported" (a gap counter that is missing
/// looks like one that is zero). Thread-safe; counting does not allocate.
/// </summary>
public sealed class CountSinceStart
{
    private readonly long[] _totals;
    private readonly KeyValuePair<string, object?>[][] _tags;

    /// <param name="tagSets">Every tag set the count is kept for (none: one series without tags); <see cref="Add(int, long)"/> names one by its index.</param>
    public CountSinceStart(Meter meter, string name, string unit, string description, params KeyValuePair<string, object?>[][] tagSets)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(tagSets);
        _tags = tagSets.Length == 0 ? [[]] : tagSets;
        _totals = new long[_tags.Length];
        meter.CreateObservableCounter(name, Observe, unit, description);
    }

    /// <summary>Every combination of one tag from each list, in order (the last list varies fastest): the tag sets of a count tagged by several dimensions.</summary>
    public static KeyValuePair<string, object?>[][] Combinations(params KeyValuePair<string, object?>[][] dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        IEnumerable<KeyValuePair<string, object?>[]> sets = [[]];
        foreach (var dimension in dimensions)
        {
            sets = [.. sets.SelectMany(set => dimension.Select(tag => (KeyValuePair<string, object?>[])[.. set, tag]))];
        }

        return [.. sets];
    }

    /// <summary>Adds to the count without tags (or to the first tag set).</summary>
    public void Add(long value = 1) => Add(0, value);

    /// <summary>Adds to the series of the tag set at <paramref name="series"/>.</summary>
    public void Add(int series, long value) => Interlocked.Add(ref _totals[series], value);

    /// <summary>The count of the tag set at <paramref name="series"/> so far.</summary>
    public long Total(int series = 0) => Interlocked.Read(ref _totals[series]);

    private Measurement<long>[] Observe()
    {
        var series = new Measurement<long>[_tags.Length];
        for (var i = 0; i < series.Length; i++)
        {
            series[i] = new Measurement<long>(Interlocked.Read(ref _totals[i]), _tags[i]);
        }

        return series;
    }
}
