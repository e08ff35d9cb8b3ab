using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Ports;

/// <summary>One stored sample of a session, for the temperature chart.</summary>
/// <param name="At">The controller's timestamp.</param>
public readonly record struct SessionSample(
    DateTimeOffset At,
    ControllerState State,
    bool CapConnected,
    Temperature Coolant,
    Temperature? Scalp,
    ControllerAlarms Alarms);
