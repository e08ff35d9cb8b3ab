namespace InfusionSuite.Application.Board;

/// <summary>The time-driven prompts of the chair board.</summary>
public enum SessionPrompt
{
    /// <summary>The pre-cooling target time is reached (ready for infusion if the coolant is also at setpoint).</summary>
    PreCoolingTargetReached,

    /// <summary>The post-cooling target time is reached: the cap may come off.</summary>
    PostCoolingCompleteRemoveCap,
}
