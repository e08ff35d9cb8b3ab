namespace InfusionSuite.Application.Courses;

/// <summary>What a nurse enters for an outcome assessment (as the API spells the fields); at least one finding.</summary>
/// <param name="Dean">Dean scale 0–4.</param>
/// <param name="CtcaeGrade">CTCAE alopecia grade 0–2.</param>
/// <param name="StoppedCooling">The patient stopped cooling; <paramref name="StoppedReason"/> says why.</param>
/// <param name="AssessedAt">When the patient was assessed; now when null; never in the future.</param>
/// <param name="AssessmentId">Optional id for retries (stored once).</param>
public sealed record AssessmentEntry(
    string CourseId, int? Dean, int? CtcaeGrade, bool? StoppedCooling, string? StoppedReason, DateTimeOffset? AssessedAt, string? AssessmentId);
