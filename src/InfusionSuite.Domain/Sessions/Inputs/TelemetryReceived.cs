using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>
/// A CCP/1 telemetry sample as a log entry. The hot path folds samples without this wrapper
/// (<see cref="ScalpCoolingSession.ApplyTelemetry"/>); both give the same record.
/// </summary>
public sealed record TelemetryReceived(DateTimeOffset ReceivedAt, TelemetrySample Sample) : SessionInput(ReceivedAt);
