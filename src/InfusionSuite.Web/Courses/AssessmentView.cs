namespace InfusionSuite.Web.Courses;

/// <summary>An outcome assessment as documented (by: the nurse's display name).</summary>
public sealed record AssessmentView(
    string Id, DateTimeOffset AssessedAt, int? Dean, int? CtcaeGrade, bool StoppedCooling, string? StoppedReason, string By, DateTimeOffset EnteredAt);
