namespace InfusionSuite.Domain.Courses;

/// <summary>
/// A correction of an outcome assessment, or its withdrawal as entered in error, by staff, with the reason;
/// stored append-only beside the assessment (its own audit), so the original stays readable. The course
/// result and the reports use the assessment as corrected and leave out those entered in error.
/// </summary>
/// <param name="ChangeId">Opaque id (a retried change is stored once).</param>
/// <param name="AssessmentId">The assessment changed.</param>
/// <param name="AssessedAt">A corrected time of the assessment; null keeps the one recorded.</param>
/// <param name="Dean">The corrected Dean score (a correction states every finding anew; null: none).</param>
/// <param name="StoppedCoolingReason">Free text; never logged.</param>
/// <param name="Reason">Why it was changed (free text; never logged).</param>
/// <param name="ChangedBy">Opaque id of the staff member.</param>
/// <param name="ChangedAt">Server instant of the change.</param>
public sealed record AssessmentChange(
    string ChangeId,
    string AssessmentId,
    AssessmentChangeKind Kind,
    DateTimeOffset? AssessedAt,
    int? Dean,
    int? CtcaeAlopeciaGrade,
    bool StoppedCooling,
    string? StoppedCoolingReason,
    string Reason,
    string ChangedBy,
    DateTimeOffset ChangedAt)
{
    /// <summary>The assessment after this change: null when entered in error.</summary>
    public OutcomeAssessment? ApplyTo(OutcomeAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Kind == AssessmentChangeKind.EnteredInError
            ? null
            : assessment with
            {
                AssessedAt = AssessedAt ?? assessment.AssessedAt,
                Dean = Dean,
                CtcaeAlopeciaGrade = CtcaeAlopeciaGrade,
                StoppedCooling = StoppedCooling,
                StoppedCoolingReason = StoppedCooling ? StoppedCoolingReason : null,
                LatestChange = this,
            };
    }

    /// <summary>
    /// The assessments as they stand: each with its changes applied in the order stored, those entered in error
    /// left out. A change of an assessment already entered in error changes nothing.
    /// </summary>
    public static IReadOnlyList<OutcomeAssessment> Apply(IEnumerable<OutcomeAssessment> assessments, IEnumerable<AssessmentChange> changes)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(changes);
        var byAssessment = changes.ToLookup(c => c.AssessmentId, StringComparer.Ordinal);
        return [.. assessments.Select(a => Current(a, byAssessment[a.AssessmentId])).OfType<OutcomeAssessment>()];
    }

    /// <summary>The assessments entered in error, each as it stood when withdrawn (<see cref="OutcomeAssessment.LatestChange"/>: the withdrawal).</summary>
    public static IReadOnlyList<OutcomeAssessment> EnteredInError(IEnumerable<OutcomeAssessment> assessments, IEnumerable<AssessmentChange> changes)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(changes);
        var byAssessment = changes.ToLookup(c => c.AssessmentId, StringComparer.Ordinal);
        var withdrawn = new List<OutcomeAssessment>();
        foreach (var assessment in assessments)
        {
            OutcomeAssessment? current = assessment;
            foreach (var change in byAssessment[assessment.AssessmentId])
            {
                if (change.Kind == AssessmentChangeKind.EnteredInError)
                {
                    withdrawn.Add(current with { LatestChange = change });
                    break;
                }

                current = change.ApplyTo(current)!;
            }
        }

        return withdrawn;
    }

    /// <summary>One assessment as it stands after <paramref name="changes"/> (in the order stored); null when entered in error.</summary>
    public static OutcomeAssessment? Current(OutcomeAssessment assessment, IEnumerable<AssessmentChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        OutcomeAssessment? current = assessment;
        foreach (var change in changes.Where(c => string.Equals(c.AssessmentId, assessment.AssessmentId, StringComparison.Ordinal)))
        {
            current = current is null ? null : change.ApplyTo(current);
        }

        return current;
    }
}
