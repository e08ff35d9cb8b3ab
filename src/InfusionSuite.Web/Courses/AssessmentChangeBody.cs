namespace InfusionSuite.Web.Courses;

/// <summary>
/// A correction of an outcome assessment (the findings stated anew, as for a new one; <c>assessedAt</c> only when
/// the time was wrong) or, at <c>…/entered-in-error</c>, its withdrawal (only <c>reason</c> and <c>changeId</c> count).
/// </summary>
public sealed record AssessmentChangeBody(
    int? Dean, int? CtcaeGrade, bool? StoppedCooling, string? StoppedReason, DateTimeOffset? AssessedAt, string? Reason, string? ChangeId);
