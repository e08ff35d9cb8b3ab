namespace InfusionSuite.Simulator.Scenarios;

/// <summary>The phases of a simulated session, in the order they run. Incidents are placed relative to one of them.</summary>
public enum SessionPhase
{
    /// <summary>Powered on, idle (STANDBY).</summary>
    Standby,

    /// <summary>Chilling the coolant with no cap on (PRECHILL).</summary>
    Prechill,

    /// <summary>The nurse started the session: cap sized, calibrated (first of course) and connected.</summary>
    Fitting,

    /// <summary>From COOLING_START (cap placement) to the infusion start.</summary>
    Precool,

    /// <summary>From the infusion start to its end (nurse markers).</summary>
    Infusion,

    /// <summary>From the infusion end to COOLING_STOP.</summary>
    Postcool,

    /// <summary>Cap left on, not cooling, before removal (CAP_OFF).</summary>
    Warmup,

    /// <summary>After removal, idle until the scenario ends.</summary>
    Tail,
}
