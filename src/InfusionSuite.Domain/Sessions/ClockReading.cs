namespace InfusionSuite.Domain.Sessions;

/// <summary>What one message tells a boot's clock estimate (<see cref="ControllerClock"/>): the offset to use and the pace run it leaves.</summary>
internal readonly record struct ClockReading(TimeSpan? Offset, bool Stepped, bool MovesBase, int PacedRun, TimeSpan RunLeast);
