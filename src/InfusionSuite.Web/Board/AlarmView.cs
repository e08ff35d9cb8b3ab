namespace InfusionSuite.Web.Board;

/// <summary>An active controller alarm: its CCP/1 name, what it means for staff, and the same in a word or two.</summary>
/// <param name="Short">
/// The alarm in at most two short words (no word over seven letters), for the small cards of a full suite where the
/// whole text does not fit: the card shows these, whole, and keeps <paramref name="Text"/> for screen readers and its
/// tooltip; the strip and the session page show <paramref name="Text"/>.
/// </param>
public sealed record AlarmView(string Code, string Text, string Short)
{
    /// <summary>Not a CCP/1 alarm: the station's own, for a controller gone silent while its session runs.</summary>
    public const string ControllerOffline = "CONTROLLER_OFFLINE";

    public static AlarmView Offline { get; } = new(ControllerOffline, "Controller offline: no data from the chair (temperatures are the last known)", "Offline");

    public static AlarmView Of(string code) => code switch
    {
        "FLOW_LOW" => new(code, "Coolant flow low", "Flow low"),
        "COOLANT_HIGH" => new(code, "Coolant too warm", "Too warm"),
        "OVERCOOL" => new(code, "Scalp too cold (cold-injury risk)", "Too cold"),
        "SENSOR_FAULT" => new(code, "Sensor fault", "Sensor"),
        "CAP_DISCONNECTED" => new(code, "Cap disconnected", "Cap off"),
        "RESERVOIR_LOW" => new(code, "Coolant reservoir low", "Fluid low"),
        "ON_BATTERY" => new(code, "Running on battery", "Battery"),
        _ => new(code, "Controller alarm " + code, "Alarm"),
    };
}
