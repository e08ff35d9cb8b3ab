namespace InfusionSuite.Domain.Sessions;

/// <summary>Where the coolant setpoint a session judges against comes from.</summary>
public enum SetpointSource
{
    /// <summary>The controller reported it (a SETPOINT event, in the session or before it).</summary>
    Controller,

    /// <summary>The controller never reported one: the site's setpoint for the controller's model.</summary>
    ModelSetting,
}
