using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Simulator.Engine;

/// <summary>A telemetry sample sent at <see cref="TimelineItem.At"/> (later than its timestamp when reordered).</summary>
public sealed record TelemetryItem(DateTimeOffset At, TelemetrySample Sample) : TimelineItem(At);
