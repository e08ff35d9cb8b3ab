namespace InfusionSuite.LoadTest;

/// <summary>
/// How fast a consumer took one load: <see cref="Received"/> of <see cref="Expected"/> samples in
/// <see cref="Elapsed"/> (live load: from the first publish; backlog: from the first sample received,
/// so a process's start-up is left out) to the last, and the steady rate between the 10 % and 90 %
/// marks (start-up and tail left out).
/// </summary>
internal sealed record DrainResult(long Expected, long Received, TimeSpan Elapsed, double SteadyRate, TimeSpan PublishElapsed)
{
    public double Rate => Received / Elapsed.TotalSeconds;

    public static double Steady(long expected, DateTimeOffset?[] tenths) =>
        tenths[1] is { } first && tenths[9] is { } ninth && ninth > first
            ? expected * 0.8 / (ninth - first).TotalSeconds
            : double.NaN;
}
