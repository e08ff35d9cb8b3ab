namespace InfusionSuite.LoadTest;

/// <summary>Latencies in whole milliseconds, one bucket per millisecond up to ten minutes.</summary>
internal sealed class LatencyHistogram
{
    private readonly long[] _counts = new long[600_001];

    public long Count { get; private set; }

    public long MaxMs { get; private set; }

    public void Record(long ms)
    {
        var bucket = Math.Clamp(ms, 0, _counts.Length - 1);
        _counts[bucket]++;
        Count++;
        MaxMs = Math.Max(MaxMs, ms);
    }

    /// <summary>The smallest latency at or below which <paramref name="fraction"/> of the samples fall.</summary>
    public long Percentile(double fraction)
    {
        if (Count == 0)
        {
            return 0;
        }

        var wanted = (long)Math.Ceiling(fraction * Count);
        long seen = 0;
        for (var ms = 0; ms < _counts.Length; ms++)
        {
            seen += _counts[ms];
            if (seen >= wanted)
            {
                return ms;
            }
        }

        return _counts.Length - 1;
    }
}
