namespace InfusionSuite.Web.Courses;

/// <summary>An outcome assessment: Dean 0–4, CTCAE alopecia grade 0–2, and/or stopped cooling (then why).</summary>
public sealed record AssessmentBody(int? Dean, int? CtcaeGrade, bool? StoppedCooling, string? StoppedReason, DateTimeOffset? AssessedAt, string? AssessmentId);
