using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Ports;

/// <summary>A controller said who it is: the controllers table keeps its latest model, firmware and boot.</summary>
public sealed record ControllerSighting(ControllerHello Hello, DateTimeOffset At);
