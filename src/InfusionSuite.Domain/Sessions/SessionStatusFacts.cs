namespace InfusionSuite.Domain.Sessions;

/// <summary>What a status is, one answer for every reader.</summary>
public static class SessionStatusFacts
{
    /// <summary>Completed, aborted or voided: the session has ended (an aborted one may still listen for its cap's removal).</summary>
    public static bool IsEnded(this SessionStatus status) => status is SessionStatus.Completed or SessionStatus.Aborted or SessionStatus.Voided;
}
