using InfusionSuite.Application.Controllers;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Board;

/// <summary>
/// A controller's latest stored telemetry sample, whether or not a session took it: what an engineer sees on a
/// free chair (issue 16, "live telemetry … without a session").
/// </summary>
/// <param name="Sample">The sample as the controller sent it (its own clock in <see cref="TelemetrySample.Timestamp"/>).</param>
/// <param name="ReceivedAt">When this service received it (UTC, its <see cref="TimeProvider"/>); minus the sample's time, the clock offset.</param>
/// <param name="Link">How it arrived (serial or MQTT).</param>
/// <param name="Setpoint">The controller's last SETPOINT (CCP/1 event), °C; null while it has reported none.</param>
public sealed record ControllerReading(TelemetrySample Sample, DateTimeOffset ReceivedAt, CcpTransport Link, Temperature? Setpoint);
