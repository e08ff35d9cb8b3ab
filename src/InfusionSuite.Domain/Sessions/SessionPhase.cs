namespace InfusionSuite.Domain.Sessions;

/// <summary>The four consecutive phases between cap placement and cap removal.</summary>
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
}
