using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>Temperatures over the cap-on period.</summary>
/// <param name="Setpoint">The coolant setpoint from the latest SETPOINT event; null when none came.</param>
/// <param name="CoolantAtSetpointTime">Time in the cooling phases with the coolant at setpoint (within tolerance).</param>
public sealed record CoolingTemperatures(
    TemperatureSummary Coolant,
    TemperatureSummary Scalp,
    Temperature? Setpoint,
    TimeSpan CoolantAtSetpointTime);
