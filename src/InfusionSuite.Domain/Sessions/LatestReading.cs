using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>The newest sample's readings (by device time).</summary>
internal readonly record struct LatestReading(
    DateTimeOffset At,
    ControllerState State,
    Temperature Coolant,
    Temperature? Scalp,
    ControllerAlarms Alarms);
