using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Links;

/// <summary>A telemetry sample arrived.</summary>
public sealed record TelemetryReceived(TelemetrySample Sample) : ControllerMessage;
