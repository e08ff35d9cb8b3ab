namespace InfusionSuite.Web.Courses;

/// <summary>An outcome assessment as it stands (by: the nurse's display name); <see cref="Change"/> its latest correction or withdrawal.</summary>
public sealed record AssessmentView(
    string Id, DateTimeOffset AssessedAt, int? Dean, int? CtcaeGrade, bool StoppedCooling, string? StoppedReason, string By, DateTimeOffset EnteredAt)
{
    /// <summary>Null when it stands as recorded.</summary>
    public AssessmentChangeView? Change { get; init; }
}
