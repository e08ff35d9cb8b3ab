using InfusionSuite.Domain.Billing;

namespace InfusionSuite.Application.Billing;

/// <summary>The billing answer for one session, in the context of its patient's courses.</summary>
/// <param name="DateOfService">The session's date of service in the site's time zone.</param>
/// <param name="Decisions">This session's 0663T then 0662T decisions.</param>
/// <param name="Warnings">The warnings of the session's course.</param>
public sealed record SessionBilling(DateOnly DateOfService, IReadOnlyList<CodeDecision> Decisions, IReadOnlyList<BillingWarning> Warnings);
