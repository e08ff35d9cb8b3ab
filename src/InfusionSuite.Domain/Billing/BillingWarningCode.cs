namespace InfusionSuite.Domain.Billing;

/// <summary>Kinds of billing warning.</summary>
public enum BillingWarningCode : byte
{
    /// <summary>More sessions in the course than the review threshold (default 8).</summary>
    MedicalReviewLikely,

    /// <summary>
    /// Another course of the same patient has a billable fitting on the same date of service: two courses begun
    /// the same day are almost always one course entered twice (two fittings billed), billing.md §4.
    /// </summary>
    SecondFittingSameDate,
}
