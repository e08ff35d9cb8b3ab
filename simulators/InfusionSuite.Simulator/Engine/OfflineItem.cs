namespace InfusionSuite.Simulator.Engine;

/// <summary>The controller stops talking (until a <see cref="HelloItem"/>).</summary>
public sealed record OfflineItem(DateTimeOffset At, OfflineReason Reason) : TimelineItem(At);
