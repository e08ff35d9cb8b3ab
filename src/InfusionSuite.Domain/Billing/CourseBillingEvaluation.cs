namespace InfusionSuite.Domain.Billing;

/// <summary>The billing facts of one course.</summary>
/// <param name="Placement">The per-session code (0663T, 97008) for each session of the course with one in force, in session order.</param>
/// <param name="Calibration">The fitting (0662T, 97007): the first session with a calibration takes it, later ones are marked; empty when no session could carry it.</param>
public sealed record CourseBillingEvaluation(
    string CourseId,
    IReadOnlyList<CodeDecision> Placement,
    IReadOnlyList<CodeDecision> Calibration,
    IReadOnlyList<BillingWarning> Warnings)
{
    /// <summary>The time code (97009) for each session of the course with one in force, in session order.</summary>
    public IReadOnlyList<CodeDecision> Time { get; init; } = [];

    /// <summary>Every decision of the course: per session, time, then fitting.</summary>
    public IEnumerable<CodeDecision> All => Placement.Concat(Time).Concat(Calibration);
}
