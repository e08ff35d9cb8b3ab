namespace InfusionSuite.Simulator.Engine;

/// <summary>A nurse action the scenario expects now. Never sent on the wire: raised to the library user.</summary>
public sealed record NurseMarkerItem(DateTimeOffset At, NurseMarker Marker) : TimelineItem(At);
