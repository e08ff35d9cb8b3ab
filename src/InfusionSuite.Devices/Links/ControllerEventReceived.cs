using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Links;

/// <summary>A controller event (cap on, cooling start, calibrated …) arrived.</summary>
public sealed record ControllerEventReceived(ControllerEvent Event) : ControllerMessage;
