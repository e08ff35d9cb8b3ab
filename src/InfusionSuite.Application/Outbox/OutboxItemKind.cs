namespace InfusionSuite.Application.Outbox;

/// <summary>What happened to the session an outbox item reports.</summary>
public enum OutboxItemKind : byte
{
    /// <summary>The session ended (completed or stopped).</summary>
    Session,

    /// <summary>The session was voided after it ended: what was reported is withdrawn.</summary>
    Void,

    /// <summary>
    /// The session's charges were decided again (a session of the same patient, date or course ended,
    /// was voided, corrected or moved): each charge whose status changed is sent again.
    /// </summary>
    Correction,
}
