using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>Temperatures over the cap-on period.</summary>
/// <param name="Setpoint">
/// The coolant setpoint judged against: the controller's latest SETPOINT (in the session or kept from
/// before it), else the site's setpoint for its model; null when neither is known (cannot judge).
/// </param>
/// <param name="CoolantAtSetpointTime">Time in the cooling phases with the coolant at setpoint (within tolerance).</param>
public sealed record CoolingTemperatures(
    TemperatureSummary Coolant,
    TemperatureSummary Scalp,
    Temperature? Setpoint,
    TimeSpan CoolantAtSetpointTime,
    SetpointSource? SetpointSource = null);
