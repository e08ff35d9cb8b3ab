using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>The session's controller: identity (from hello) and what it last said.</summary>
/// <param name="Boots">Boot ids seen, in order; more than one means the controller rebooted mid-session.</param>
/// <param name="CoolantAtSetpoint">Null when no setpoint or coolant reading is known.</param>
/// <param name="CoolingRunning">Null until the controller said anything.</param>
/// <param name="Reboots">Times the controller rebooted within the session's own period (start to end): not a reboot after the end, nor another session's.</param>
public sealed record ControllerSnapshot(
    string ControllerId,
    string? Model,
    string? Firmware,
    IReadOnlyList<uint> Boots,
    bool Online,
    DateTimeOffset? LatestSampleAt,
    ControllerState? State,
    Temperature? Coolant,
    Temperature? Scalp,
    ControllerAlarms ActiveAlarms,
    bool? CoolantAtSetpoint,
    bool? CoolingRunning,
    ClockSkewSummary ClockSkew,
    int Reboots = 0);
