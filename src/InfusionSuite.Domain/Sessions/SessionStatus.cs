namespace InfusionSuite.Domain.Sessions;

/// <summary>Where a session is, in the order a nurse runs it.</summary>
public enum SessionStatus : byte
{
    /// <summary>Started on a chair; nothing fitted yet.</summary>
    Started,

    /// <summary>Cap being fitted (CAP_ON or CALIBRATED seen), cooling not yet started.</summary>
    Fitting,

    /// <summary>Cap placed and cooling; infusion not started.</summary>
    PreCooling,

    /// <summary>The alopecia-causing drug is running.</summary>
    Infusing,

    /// <summary>Infusion ended, cap still cooling.</summary>
    PostCooling,

    /// <summary>Cooling stopped after post-cooling; cap warming up before removal.</summary>
    WarmingUp,

    /// <summary>Cap removed after post-cooling.</summary>
    Completed,

    /// <summary>Stopped early by the nurse, with a reason.</summary>
    Aborted,

    /// <summary>Entered in error; kept for audit, never billed.</summary>
    Voided,
}
