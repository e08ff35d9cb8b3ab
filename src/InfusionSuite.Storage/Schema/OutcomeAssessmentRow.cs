namespace InfusionSuite.Storage.Schema;

/// <summary>One outcome assessment of a course (Dean, CTCAE, stopped cooling); append-only (triggers), it is its own audit.</summary>
public sealed class OutcomeAssessmentRow
{
    public long AssessmentKey { get; set; }

    public required string AssessmentId { get; set; }

    public int CourseKey { get; set; }

    /// <summary>UTC milliseconds: when the patient was assessed.</summary>
    public long AssessedAtMs { get; set; }

    public int? Dean { get; set; }

    public int? CtcaeGrade { get; set; }

    public bool StoppedCooling { get; set; }

    /// <summary>Free text (never logged).</summary>
    public string? StoppedReason { get; set; }

    /// <summary>Opaque user id.</summary>
    public required string NurseId { get; set; }

    public long EnteredAtMs { get; set; }
}
