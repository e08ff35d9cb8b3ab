namespace InfusionSuite.Simulator.Engine;

/// <summary>One thing a simulated controller does at <see cref="At"/> (simulated clock, UTC).</summary>
public abstract record TimelineItem(DateTimeOffset At);
