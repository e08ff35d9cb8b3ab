using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>
/// The controller's last reported coolant setpoint, known before the session began (kept per
/// controller, across restarts): the session judges against it until the controller reports another.
/// </summary>
/// <param name="ReportedAt">When the controller reported it (its SETPOINT event's ts).</param>
public sealed record ControllerSetpointKnown(DateTimeOffset ReceivedAt, Temperature Setpoint, DateTimeOffset ReportedAt) : SessionInput(ReceivedAt);
