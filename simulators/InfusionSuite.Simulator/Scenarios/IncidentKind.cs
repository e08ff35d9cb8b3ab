namespace InfusionSuite.Simulator.Scenarios;

/// <summary>What an <see cref="Incident"/> does to the simulated controller.</summary>
public enum IncidentKind
{
    /// <summary>PAUSE, then RESUME after <see cref="Incident.Minutes"/>.</summary>
    Pause,

    /// <summary>Flow drops (FLOW_LOW) for <see cref="Incident.FlowLowSeconds"/>, then FAULT state and a FAULT event; COOLING_START when it recovers after <see cref="Incident.Minutes"/>.</summary>
    Fault,

    /// <summary>The scalp sensor falls under 0.0 °C (OVERCOOL alarm) for <see cref="Incident.Minutes"/>.</summary>
    Overcool,

    /// <summary>The link drops for <see cref="Incident.Minutes"/>: MQTT Last Will (offline), serial port closed. Messages meanwhile are lost.</summary>
    Disconnect,

    /// <summary>Power lost for <see cref="Incident.Minutes"/>; comes back with a new boot, seq from 0, and resumes cooling.</summary>
    Reboot,

    /// <summary><see cref="Incident.Count"/> malformed frames, interleaved with good telemetry.</summary>
    Garbage,

    /// <summary>The next <see cref="Incident.Count"/> messages are each sent twice.</summary>
    Duplicates,

    /// <summary>The next <see cref="Incident.Count"/> pairs of messages are sent in swapped order.</summary>
    Reorder,

    /// <summary>The alarm bit named by <see cref="Incident.Alarm"/> is set for <see cref="Incident.Minutes"/>.</summary>
    Alarm,

    /// <summary>The coolant setpoint changes to <see cref="Incident.SetpointC"/> (SETPOINT event).</summary>
    Setpoint,

    /// <summary>The cap hose is disconnected for <see cref="Incident.Minutes"/>: CAP_OFF, CAP_DISCONNECTED alarm, then CAP_ON.</summary>
    CapDisconnect,
}
