namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// The consecutive phases between cap placement and cap removal: pre-cooling, infusion, post-cooling and warm-up; or, once a
/// nurse aborted, the phases reached until the abort and then post-abort cooling until the cap comes off.
/// </summary>
public enum SessionPhase : byte
{
    /// <summary>Placement → infusion start.</summary>
    PreCooling,

    /// <summary>Infusion start → infusion end.</summary>
    Infusion,

    /// <summary>Infusion end → the last COOLING_STOP.</summary>
    PostCooling,

    /// <summary>The last COOLING_STOP → cap removal (not cooling).</summary>
    WarmUp,

    /// <summary>The abort → cap removal: the minutes the cap stayed on (the controller often still cooling) after a nurse stopped the session.</summary>
    PostAbortCooling,
}
