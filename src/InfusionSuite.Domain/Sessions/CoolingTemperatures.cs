using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>Temperatures over the cap-on period.</summary>
/// <param name="Setpoint">
/// The coolant setpoint judged against: the controller's latest SETPOINT (in the session or kept from
/// before it), else the site's setpoint for its model; null when neither is known (cannot judge).
/// </param>
/// <param name="CoolantAtSetpointTime">Time in the cooling phases with the coolant at setpoint (within tolerance).</param>
/// <param name="Period">
/// The period the summaries were taken over, as every report states it: the session's start to its end, to the abort
/// for an aborted session (not the CAP_OFF after it: samples after the abort are not the summaries'); null while it
/// runs (docs/clinical-rules.md, "After the end").
/// </param>
public sealed record CoolingTemperatures(
    TemperatureSummary Coolant,
    TemperatureSummary Scalp,
    Temperature? Setpoint,
    TimeSpan CoolantAtSetpointTime,
    SetpointSource? SetpointSource = null,
    TimeInterval? Period = null);
