using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Ports;

/// <summary>
/// A controller reported its coolant setpoint (a SETPOINT event, whether or not a session took it): the
/// controllers table keeps the latest, so a session started later, even after a restart, knows it.
/// </summary>
/// <param name="ReportedAt">The SETPOINT event's ts.</param>
public sealed record ControllerSetpointReport(string ControllerId, Temperature Setpoint, DateTimeOffset ReportedAt);
