namespace InfusionSuite.Domain.Courses;

/// <summary>
/// One outcome assessment of a course, dated and by whom: any of the Dean scale (0–4), the CTCAE
/// alopecia grade (0–2) and whether the patient stopped cooling (and why).
/// </summary>
/// <remarks>
/// Dean scale [Dean JE et al., 1979; as used by Rugo HS et al., JAMA 2017;317(6):606–614]:
/// 0 no hair loss, 1 ≤ 25 %, 2 &gt; 25–50 %, 3 &gt; 50–75 %, 4 &gt; 75 %.
/// CTCAE v5 alopecia: grade 1 &lt; 50 % loss not obvious from a distance, grade 2 ≥ 50 % and
/// readily apparent (0 here means none).
/// </remarks>
/// <param name="AssessmentId">Opaque id (a retried entry is stored once).</param>
/// <param name="AssessedAt">When the patient was assessed (effective instant).</param>
/// <param name="AssessedBy">Opaque id of the nurse who documented it.</param>
/// <param name="StoppedCoolingReason">Free text when <paramref name="StoppedCooling"/>; never logged.</param>
/// <param name="DocumentedAt">Server instant of the entry.</param>
public sealed record OutcomeAssessment(
    string AssessmentId,
    DateTimeOffset AssessedAt,
    string AssessedBy,
    int? Dean,
    int? CtcaeAlopeciaGrade,
    bool StoppedCooling,
    string? StoppedCoolingReason,
    DateTimeOffset DocumentedAt)
{
    /// <summary>Highest Dean score (more than 75 % hair loss).</summary>
    public const int MaxDean = 4;

    /// <summary>Highest CTCAE alopecia grade (the scale stops at 2).</summary>
    public const int MaxCtcaeGrade = 2;

    /// <summary>The latest correction applied to it (<see cref="AssessmentChange.Apply"/>); null when it stands as recorded.</summary>
    public AssessmentChange? LatestChange { get; init; }
}
