namespace InfusionSuite.Domain.Controllers;

/// <summary>The state a cooling-cap controller reports in every CCP/1 telemetry sample.</summary>
public enum ControllerState : byte
{
    /// <summary>Powered, not chilling.</summary>
    Standby,

    /// <summary>Chilling the coolant; the cap may not be on yet.</summary>
    Prechill,

    /// <summary>Coolant circulating through a connected cap.</summary>
    Cooling,

    /// <summary>Circulation paused by the operator.</summary>
    Paused,

    /// <summary>The controller stopped cooling because of a fault.</summary>
    Fault,
}
