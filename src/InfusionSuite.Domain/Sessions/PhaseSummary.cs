namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// One phase, between boundaries clamped into order (so no phase is negative and the phases add
/// up to the performed period). Interruption time counts towards the phase and is also reported here.
/// </summary>
/// <param name="End">Null while the phase runs.</param>
/// <param name="Target">The regimen's target for pre- and post-cooling; null for the others.</param>
public sealed record PhaseSummary(
    SessionPhase Phase,
    DateTimeOffset Start,
    DateTimeOffset? End,
    TimeSpan? Target,
    InterruptionSummary Interruptions)
{
    /// <summary>Exact duration; null while the phase runs.</summary>
    public TimeSpan? Duration => End - Start;
}
