namespace InfusionSuite.Domain.Sessions;

/// <summary>Time cooling was not running (paused, fault, standby, cap disconnected, controller offline).</summary>
public sealed record InterruptionSummary(int Count, TimeSpan Total, TimeSpan Longest)
{
    public static InterruptionSummary None { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero);
}
