namespace InfusionSuite.Simulator.Scenarios;

/// <summary>The simulated controller's identity and physics.</summary>
public sealed record ControllerProfile
{
    public string Model { get; init; } = "SIM-1";

    public string Firmware { get; init; } = "1.0.0";

    /// <summary>Telemetry rate, 0.2–10 Hz.</summary>
    public double TelemetryHz { get; init; } = 1.0;

    /// <summary>Coolant setpoint, °C (typically −4 to −7).</summary>
    public decimal SetpointC { get; init; } = -5.0m;

    public double RoomC { get; init; } = 22.0;

    /// <summary>Skin temperature read by the scalp sensor when the cap goes on.</summary>
    public double SkinC { get; init; } = 33.0;

    /// <summary>Where the scalp settles while cooling (each controller varies by ±1 °C around it).</summary>
    public double ScalpCooledC { get; init; } = 17.5;

    /// <summary>Minutes for the coolant to come from room temperature to within 1 °C of the setpoint.</summary>
    public double PulldownMinutes { get; init; } = 14;

    /// <summary>Nominal coolant flow while circulating (each controller varies by ±40 mL/min).</summary>
    public int FlowMlMin { get; init; } = 600;

    /// <summary>Flow under which FLOW_LOW is raised.</summary>
    public int MinimumFlowMlMin { get; init; } = 400;

    /// <summary>Whether the cap has a scalp sensor (scalpC empty when not).</summary>
    public bool ScalpSensor { get; init; } = true;

    /// <summary>Amplitude of the measurement noise, °C.</summary>
    public double NoiseC { get; init; } = 0.1;
}
