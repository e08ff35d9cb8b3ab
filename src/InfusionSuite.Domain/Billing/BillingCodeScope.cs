namespace InfusionSuite.Domain.Billing;

/// <summary>What one unit of a billing code reports.</summary>
public enum BillingCodeScope : byte
{
    /// <summary>Once per course (the cap's initial fitting: 0662T, 97007).</summary>
    Course,

    /// <summary>Once per session (placement and pre-infusion cooling: 0663T, 97008).</summary>
    Session,

    /// <summary>Units of measured post-infusion cooling time (97009).</summary>
    Time,
}
