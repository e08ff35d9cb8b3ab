using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Controllers;

/// <summary>A telemetry sample arrived.</summary>
public sealed record TelemetryReceived(TelemetrySample Sample) : ControllerMessage;
