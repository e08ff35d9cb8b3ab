namespace InfusionSuite.Domain.Billing;

/// <summary>Why a charge the rules allow is held back from the billing system until staff act.</summary>
public enum HeldReason : byte
{
    /// <summary>No visit (encounter or account) is known for the session: a billing system cannot post the charge.</summary>
    NoVisit,
}
