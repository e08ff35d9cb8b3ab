namespace InfusionSuite.Web.Board;

/// <summary>An active controller alarm: its CCP/1 name and what it means for staff.</summary>
public sealed record AlarmView(string Code, string Text)
{
    /// <summary>Not a CCP/1 alarm: the station's own, for a controller gone silent while its session runs.</summary>
    public const string ControllerOffline = "CONTROLLER_OFFLINE";

    public static AlarmView Offline { get; } = new(ControllerOffline, "Controller offline: no data from the chair (temperatures are the last known)");

    public static AlarmView Of(string code) => new(code, code switch
    {
        "FLOW_LOW" => "Coolant flow low",
        "COOLANT_HIGH" => "Coolant too warm",
        "OVERCOOL" => "Scalp too cold (cold-injury risk)",
        "SENSOR_FAULT" => "Sensor fault",
        "CAP_DISCONNECTED" => "Cap disconnected",
        "RESERVOIR_LOW" => "Coolant reservoir low",
        "ON_BATTERY" => "Running on battery",
        _ => "Controller alarm " + code,
    });
}
