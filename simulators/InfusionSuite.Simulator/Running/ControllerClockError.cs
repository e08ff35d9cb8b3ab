namespace InfusionSuite.Simulator.Running;

/// <summary>
/// How wrong the simulated controller's clock is (docs/clinical-rules.md, "Clocks"): every ts it writes
/// is off by <see cref="Skew"/> (negative: slow), and from <see cref="StepAfter"/> simulated time after
/// the chair powered on it steps by <see cref="StepBy"/> (an NTP step, someone setting the clock;
/// negative: back). When messages are sent does not change, only the ts they carry.
/// </summary>
public sealed record ControllerClockError
{
    public static ControllerClockError None { get; } = new();

    /// <summary>Controller clock minus true time, from power-on.</summary>
    public TimeSpan Skew { get; init; }

    /// <summary>When the clock steps, counted from the chair's power-on; never when null.</summary>
    public TimeSpan? StepAfter { get; init; }

    /// <summary>How far the clock steps (negative: back).</summary>
    public TimeSpan StepBy { get; init; }

    /// <summary>The ts the controller writes for a message it sends at <paramref name="trueInstant"/>.</summary>
    public DateTimeOffset Apply(DateTimeOffset trueInstant, DateTimeOffset poweredOnAt) =>
        trueInstant + Skew + (StepAfter is { } after && trueInstant >= poweredOnAt + after ? StepBy : TimeSpan.Zero);
}
