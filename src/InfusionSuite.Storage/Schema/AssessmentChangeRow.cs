namespace InfusionSuite.Storage.Schema;

/// <summary>
/// A correction of an outcome assessment, or its "entered in error", with the reason; append-only (triggers),
/// it is its own audit. A correction states the findings anew; the assessment's own row is never changed.
/// </summary>
public sealed class AssessmentChangeRow
{
    public long ChangeKey { get; set; }

    public required string ChangeId { get; set; }

    public required string AssessmentId { get; set; }

    public int CourseKey { get; set; }

    /// <summary>0 corrected, 1 entered in error.</summary>
    public int Kind { get; set; }

    /// <summary>UTC milliseconds: the corrected time of the assessment; null keeps the recorded one.</summary>
    public long? AssessedAtMs { get; set; }

    public int? Dean { get; set; }

    public int? CtcaeGrade { get; set; }

    public bool StoppedCooling { get; set; }

    /// <summary>Free text (never logged).</summary>
    public string? StoppedReason { get; set; }

    /// <summary>Why it was changed (free text, never logged).</summary>
    public required string Reason { get; set; }

    /// <summary>Opaque user id.</summary>
    public required string NurseId { get; set; }

    public long EnteredAtMs { get; set; }
}
