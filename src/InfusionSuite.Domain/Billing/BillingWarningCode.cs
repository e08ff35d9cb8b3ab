namespace InfusionSuite.Domain.Billing;

/// <summary>Kinds of billing warning.</summary>
public enum BillingWarningCode : byte
{
    /// <summary>More sessions in the course than the review threshold (default 8).</summary>
    MedicalReviewLikely,
}
