namespace InfusionSuite.Domain.Controllers;

/// <summary>What a controller message's (boot, seq, ts) says about it.</summary>
public enum SequenceVerdict
{
    /// <summary>Not seen before: keep it.</summary>
    New,

    /// <summary>Already kept (a redelivery, or a resend), or older than the window: drop and count it.</summary>
    Duplicate,

    /// <summary>
    /// Its seq was already used in this boot, but it is newer than everything kept: the controller
    /// restarted and reused its boot id, counting from the start again. Keep it (a new sequence begins).
    /// </summary>
    Collision,
}
