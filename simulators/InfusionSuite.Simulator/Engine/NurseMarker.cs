using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Engine;

/// <summary>
/// A nurse action due on a chair. <paramref name="Plan"/> holds what the nurse enters at session start:
/// first of course, cap size, pre- and post-cooling targets.
/// </summary>
public sealed record NurseMarker(string ControllerId, NurseMarkerKind Kind, DateTimeOffset At, SessionPlan Plan);
