using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Ports;

/// <summary>One stored sample of a session, for the temperature chart.</summary>
/// <param name="At">The controller's timestamp as sent (the record's <c>OnServerClock</c> puts it on the session's timeline).</param>
/// <param name="Boot">The controller's boot that sent it.</param>
/// <param name="Seq">Its seq within that boot.</param>
public readonly record struct SessionSample(
    DateTimeOffset At,
    ControllerState State,
    bool CapConnected,
    Temperature Coolant,
    Temperature? Scalp,
    ControllerAlarms Alarms,
    uint Boot = 0,
    uint Seq = 0);
