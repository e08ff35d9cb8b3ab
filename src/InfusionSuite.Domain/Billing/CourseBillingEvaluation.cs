namespace InfusionSuite.Domain.Billing;

/// <summary>The billing facts of one course.</summary>
/// <param name="Placement">0663T for each session of the course, in session order.</param>
/// <param name="Calibration">0662T: the first session with a calibration takes it, later ones are marked; empty when no session could carry it.</param>
public sealed record CourseBillingEvaluation(
    string CourseId,
    IReadOnlyList<CodeDecision> Placement,
    IReadOnlyList<CodeDecision> Calibration,
    IReadOnlyList<BillingWarning> Warnings);
