namespace InfusionSuite.Domain.Controllers;

/// <summary>CCP/1 events (serial <c>CCE</c>, MQTT <c>event</c>).</summary>
public enum ControllerEventKind : byte
{
    CapOn,
    CapOff,
    CoolingStart,
    CoolingStop,
    Pause,
    Resume,

    /// <summary>Initial measurement and calibration of a cap; detail is the cap size.</summary>
    Calibrated,

    /// <summary>Coolant setpoint changed; detail is °C with one decimal.</summary>
    Setpoint,

    /// <summary>The controller entered FAULT; detail is the vendor fault code.</summary>
    Fault,
}
