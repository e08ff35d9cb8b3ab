namespace InfusionSuite.Simulator.Engine;

/// <summary>What the nurse does at a marker.</summary>
public enum NurseMarkerKind
{
    /// <summary>The nurse starts the session on the chair (before fitting).</summary>
    SessionStart,

    /// <summary>The alopecia-causing drug starts.</summary>
    InfusionStarted,

    /// <summary>The alopecia-causing drug ends.</summary>
    InfusionEnded,

    /// <summary>The nurse confirms the cap is off (right after the controller's CAP_OFF).</summary>
    CapRemoved,
}
