namespace InfusionSuite.Application.Outbox;

/// <summary>What happened to the session an outbox item reports.</summary>
public enum OutboxItemKind : byte
{
    /// <summary>The session ended (completed or stopped).</summary>
    Session,

    /// <summary>The session was voided after it ended: what was reported is withdrawn.</summary>
    Void,

    /// <summary>
    /// The session's record or billing changed after it was reported: what was reported is corrected
    /// (e.g. its charges were decided again because another session of the patient ended or was voided).
    /// </summary>
    Correction,

    /// <summary>A course's outcome assessment (Dean, CTCAE, stopped cooling); keyed by the course (<c>course:{id}</c>).</summary>
    Outcome,
}
