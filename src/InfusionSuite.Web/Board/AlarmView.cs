namespace InfusionSuite.Web.Board;

/// <summary>An active controller alarm: its CCP/1 name and what it means for staff.</summary>
public sealed record AlarmView(string Code, string Text)
{
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
