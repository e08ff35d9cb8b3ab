namespace InfusionSuite.Storage.Schema;

/// <summary>One session: its ids, policy, and status as of its latest stored input. The record itself is a replay of its log.</summary>
public sealed class SessionRow
{
    public int SessionKey { get; set; }

    public required string SessionId { get; set; }

    public int CourseKey { get; set; }

    public int ControllerKey { get; set; }

    public int PolicyKey { get; set; }

    /// <summary><see cref="Domain.Sessions.SessionStatus"/> as a number.</summary>
    public int Status { get; set; }

    /// <summary>UTC milliseconds since the Unix epoch (sortable).</summary>
    public long StartedAtMs { get; set; }

    /// <summary>Null while open.</summary>
    public long? EndedAtMs { get; set; }

    /// <summary>
    /// <see cref="Domain.Sessions.VoidReason"/> as a number once the session was voided; null otherwise (and for sessions
    /// voided before it was kept). A session voided as the wrong patient's gives the patient no name on file.
    /// </summary>
    public int? VoidReason { get; set; }

    /// <summary>
    /// What of the record the EHR's participants were last given (a hash of its fingerprint), written in the transaction of
    /// that outbox item; null while nothing was (an end held for the controller's upload). A restart sends what was not.
    /// Sessions that ended before this was kept are marked as reported (their record as rebuilt).
    /// </summary>
    public string? ReportedFingerprint { get; set; }

    /// <summary>The patient's name as entered at this session's start (PHI: never logged); null for sessions stored before names were kept per session.</summary>
    public string? PatientName { get; set; }
}
