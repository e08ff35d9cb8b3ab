namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// One phase, between boundaries clamped into order (so no phase is negative and the phases add
/// up to the performed period). Interruption time counts towards the phase and is also reported here.
/// </summary>
/// <param name="End">Null while the phase runs.</param>
/// <param name="Target">The regimen's target for pre- and post-cooling; null for the others.</param>
/// <param name="NotCooling">
/// Time in the phase the controller said it was not cooling (paused, stopped, faulted, standby, pre-chilling,
/// cap off): pre-cooling does not count it towards its target. Offline time is in <paramref name="Interruptions"/>
/// but not here (a controller we do not hear may still be cooling).
/// </param>
public sealed record PhaseSummary(
    SessionPhase Phase,
    DateTimeOffset Start,
    DateTimeOffset? End,
    TimeSpan? Target,
    InterruptionSummary Interruptions,
    TimeSpan NotCooling = default)
{
    /// <summary>Exact duration; null while the phase runs.</summary>
    public TimeSpan? Duration => End - Start;

    /// <summary>
    /// What the phase counts towards its target, the one figure every reader shows against it: for pre-cooling and
    /// post-abort cooling the time the controller was cooling (<see cref="Duration"/> − <see cref="NotCooling"/>; after an
    /// abort the cap may stay on with cooling stopped), for the other phases their duration. Null while the phase runs.
    /// </summary>
    public TimeSpan? Cooled => End is { } end ? CountedAsOf(end) : null;

    /// <summary>The phase so far at <paramref name="asOf"/>: to its end once it ended; nothing before its start.</summary>
    public TimeSpan DurationAsOf(DateTimeOffset asOf) => (End ?? (asOf > Start ? asOf : Start)) - Start;

    /// <summary><see cref="Cooled"/>'s figure so far at <paramref name="asOf"/> (a running phase on the board and the session page).</summary>
    public TimeSpan CountedAsOf(DateTimeOffset asOf) => CountsCoolingOnly ? DurationAsOf(asOf) - NotCooling : DurationAsOf(asOf);

    /// <summary>Whether the cap is cooled in this phase: every phase but warm-up (after the last COOLING_STOP the cap stays on, not cooled).</summary>
    public bool CapCooled => Phase != SessionPhase.WarmUp;

    /// <summary>Whether the phase counts only the time the controller was cooling (pre-cooling, post-abort cooling): its <see cref="NotCooling"/> is said beside it.</summary>
    public bool CountsCoolingOnly => Phase is SessionPhase.PreCooling or SessionPhase.PostAbortCooling;
}
