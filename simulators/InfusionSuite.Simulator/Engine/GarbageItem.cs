using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Engine;

/// <summary>A malformed frame built from <paramref name="Basis"/> (the last good sample); it carries no new seq.</summary>
public sealed record GarbageItem(DateTimeOffset At, GarbageKind Kind, TelemetrySample Basis) : TimelineItem(At);
