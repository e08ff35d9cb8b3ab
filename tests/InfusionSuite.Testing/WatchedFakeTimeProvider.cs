using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that counts the timers started on it, so a test can wait for
/// the code under test to reach its next wait (a <c>Task.Delay</c> on this clock) before it moves
/// the clock, instead of sleeping for a guessed while.
/// </summary>
public sealed class WatchedFakeTimeProvider : FakeTimeProvider
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);
    private int _timersStarted;

    /// <summary>How many timers have been started on this clock so far.</summary>
    public int TimersStarted => Volatile.Read(ref _timersStarted);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timersStarted);
        return timer;
    }

    /// <summary>Waits (in real time, bounded) until at least <paramref name="count"/> timers have been started on this clock.</summary>
    public Task WaitForTimersAsync(int count) =>
        Eventually.HoldsAsync(() => TimersStarted >= count, s_timeout, $"timer {count} on the fake clock");
}
