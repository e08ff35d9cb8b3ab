namespace InfusionSuite.Simulator.Scenarios;

/// <summary>Something that happens during a scenario, placed at <see cref="AtMinutes"/> after the start of <see cref="Phase"/>.</summary>
public sealed record Incident
{
    public required IncidentKind Kind { get; init; }

    public SessionPhase Phase { get; init; } = SessionPhase.Infusion;

    public double AtMinutes { get; init; }

    /// <summary>How long it lasts (pause, fault, overcool, disconnect, reboot, alarm, capDisconnect).</summary>
    public double Minutes { get; init; } = 5;

    /// <summary>How many frames (garbage), messages (duplicates) or pairs (reorder).</summary>
    public int Count { get; init; } = 6;

    /// <summary>Fault: seconds of low flow (FLOW_LOW) before the controller enters FAULT.</summary>
    public double FlowLowSeconds { get; init; } = 45;

    /// <summary>Fault: the vendor code sent as the FAULT event's detail.</summary>
    public string FaultCode { get; init; } = "PUMP_FLOW";

    /// <summary>Alarm: the CCP/1 name of the bit (<c>RESERVOIR_LOW</c>, <c>ON_BATTERY</c>, <c>UNKNOWN_0x0080</c> …).</summary>
    public string? Alarm { get; init; }

    /// <summary>Setpoint: the new coolant setpoint, °C.</summary>
    public decimal? SetpointC { get; init; }

    /// <summary>Garbage: which kinds, in turn; all of them when empty.</summary>
    public IReadOnlyList<GarbageKind> Garbage { get; init; } = [];
}
