namespace InfusionSuite.Simulator.Running;

/// <summary>
/// A clock that runs <see cref="Scale"/> times faster than the real one, from <c>start</c>: at ×60 a
/// simulated hour passes in a real minute. Timers (and so <c>Task.Delay</c> with this provider) are
/// scaled the same way.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly long _realOrigin;
    private readonly DateTimeOffset _simulatedOrigin;

    public ScaledTimeProvider(double scale, DateTimeOffset? start = null, TimeProvider? real = null)
    {
        if (!(scale is >= 0.01 and <= 100_000))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "the time scale must be 0.01–100000");
        }

        Scale = scale;
        _real = real ?? System;
        _realOrigin = _real.GetTimestamp();
        _simulatedOrigin = start ?? _real.GetUtcNow();
    }

    public double Scale { get; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => _simulatedOrigin + Elapsed();

    public override long GetTimestamp() => Elapsed().Ticks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_real.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)), this);

    internal TimeSpan ToReal(TimeSpan simulated) =>
        simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero ? simulated : simulated / Scale;

    private TimeSpan Elapsed() => _real.GetElapsedTime(_realOrigin) * Scale;

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider provider) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(provider.ToReal(dueTime), provider.ToReal(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
