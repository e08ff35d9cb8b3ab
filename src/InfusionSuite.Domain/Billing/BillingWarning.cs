namespace InfusionSuite.Domain.Billing;

/// <summary>A fact the billing office should see (never a block).</summary>
public sealed record BillingWarning(BillingWarningCode Code, string Detail);
