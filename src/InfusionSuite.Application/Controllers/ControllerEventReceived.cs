using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Controllers;

/// <summary>A controller event (cap on, cooling start, calibrated …) arrived.</summary>
public sealed record ControllerEventReceived(ControllerEvent Event) : ControllerMessage;
