namespace InfusionSuite.Domain.Billing;

/// <summary>What a billing code must be reported with.</summary>
public enum BillingPairing : byte
{
    /// <summary>Stands alone.</summary>
    None,

    /// <summary>Needs a primary chemotherapy administration code the same date of service (0663T, 97008).</summary>
    ChemotherapyPrimary,

    /// <summary>An add-on to the session's own per-session code, which must be billable (97009 to 97008).</summary>
    SessionCode,
}
