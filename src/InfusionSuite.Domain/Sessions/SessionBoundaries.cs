namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// The exact boundary instants of a session, as documented (not clamped). Phase durations use
/// the same instants clamped into order (see <see cref="PhaseSummary"/>).
/// </summary>
/// <param name="CapPlacedAt">First COOLING_START with a cap connected after the start, else the nurse's "cap placed".</param>
/// <param name="LastCoolingStopAt">The last COOLING_STOP after infusion end, else the removal.</param>
/// <param name="CapRemovedAt">CAP_OFF after that stop, else the nurse's "cap removed"; for an aborted session, the controller's CAP_OFF within the listening window after the abort, else the nurse's "cap removed", else the abort.</param>
/// <param name="EndedAt">When the session ended (removal or abort); null while it runs.</param>
public sealed record SessionBoundaries(
    DateTimeOffset? CapPlacedAt,
    BoundarySource? PlacementSource,
    DateTimeOffset? InfusionStartedAt,
    DateTimeOffset? InfusionEndedAt,
    DateTimeOffset? LastCoolingStopAt,
    DateTimeOffset? CapRemovedAt,
    BoundarySource? RemovalSource,
    DateTimeOffset? EndedAt);
