namespace InfusionSuite.Application.Courses;

/// <summary>
/// What staff enter to correct an outcome assessment, or to mark it entered in error (as the API spells the
/// fields). A correction states the findings anew (at least one, as for a new assessment); both need the reason.
/// </summary>
/// <param name="EnteredInError">True: the assessment is withdrawn (the findings are ignored).</param>
/// <param name="AssessedAt">A corrected time of the assessment; null keeps the one recorded; never in the future.</param>
/// <param name="Reason">Why (required; kept in the audit and sent to the EHR with the correction).</param>
/// <param name="ChangeId">Optional id for retries (stored once).</param>
public sealed record AssessmentChangeEntry(
    string CourseId,
    string AssessmentId,
    bool EnteredInError,
    int? Dean,
    int? CtcaeGrade,
    bool? StoppedCooling,
    string? StoppedReason,
    DateTimeOffset? AssessedAt,
    string? Reason,
    string? ChangeId);
