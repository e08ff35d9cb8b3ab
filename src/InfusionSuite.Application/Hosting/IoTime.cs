namespace InfusionSuite.Application.Hosting;

/// <summary>
/// The clock of I/O. Time-outs and retry delays of what goes over a wire or to a disk (HTTP to the EHR and its token
/// endpoint, look-ups, the database's waits and retries) run on <see cref="Real"/> time, never on the host's clinical
/// <see cref="TimeProvider"/>, which the demo runs faster (at ×120 a 30-second time-out would be a quarter of a real
/// second, and every look-up would time out). A real wait kept as an instant on the host's clock (an outbox item's next
/// attempt) is turned into the span the host's clock moves meanwhile by <see cref="OnHostClock"/>.
/// </summary>
/// <param name="real">The clock I/O waits on: <see cref="TimeProvider.System"/> outside tests.</param>
/// <param name="hostClockRate">How many times faster than <paramref name="real"/> the host's clock runs (1 outside the demo).</param>
public sealed class IoTime(TimeProvider real, double hostClockRate = 1)
{
    /// <summary>Real time, with a host clock that runs at the same rate: every host but the demo.</summary>
    public static readonly IoTime System = new(TimeProvider.System);

    /// <summary>The clock that I/O time-outs and retry delays wait on.</summary>
    public TimeProvider Real { get; } = real ?? throw new ArgumentNullException(nameof(real));

    /// <summary>How many times faster than <see cref="Real"/> the host's clock runs.</summary>
    public double HostClockRate { get; } = hostClockRate > 0 ? hostClockRate : throw new ArgumentOutOfRangeException(nameof(hostClockRate), hostClockRate, "The host clock's rate must be positive.");

    /// <summary>How far the host's clock moves while <paramref name="realWait"/> passes in real time.</summary>
    public TimeSpan OnHostClock(TimeSpan realWait) => realWait * HostClockRate;
}
