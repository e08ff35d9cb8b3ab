namespace InfusionSuite.Domain.Sessions;

/// <summary>What a phase is, one answer for every reader (record, deviations, course lines, board, EHR).</summary>
public static class SessionPhaseFacts
{
    /// <summary>Pre-cooling, infusion and post-cooling: the protocol's cooling, where interruptions count. Not warm-up, not post-abort cooling.</summary>
    public static bool IsProtocolCooling(this SessionPhase phase) => phase is SessionPhase.PreCooling or SessionPhase.Infusion or SessionPhase.PostCooling;

    /// <summary>The phase in words, lower case ("post-abort cooling"), as the note to the EHR and the board say it.</summary>
    public static string Words(this SessionPhase phase) => phase switch
    {
        SessionPhase.PreCooling => "pre-cooling",
        SessionPhase.Infusion => "infusion",
        SessionPhase.PostCooling => "post-cooling",
        SessionPhase.WarmUp => "warm-up",
        SessionPhase.PostAbortCooling => "post-abort cooling",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };
}
