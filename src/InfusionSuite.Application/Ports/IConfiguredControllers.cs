namespace InfusionSuite.Application.Ports;

/// <summary>The controllers the site configured (the nurse station's chairs): always admitted, whatever the auto-registration limit.</summary>
public interface IConfiguredControllers
{
    IReadOnlyCollection<string> ControllerIds { get; }
}
