using InfusionSuite.Domain.Billing;

namespace InfusionSuite.Application.Billing;

/// <summary>The billing answer for one session, in the context of its patient's courses.</summary>
/// <param name="DateOfService">The session's date of service in the site's time zone.</param>
/// <param name="Decisions">This session's decisions: per-session code (0663T/97008), time code (97009), fitting (0662T/97007).</param>
/// <param name="Warnings">The warnings of the session's course.</param>
public sealed record SessionBilling(DateOnly DateOfService, IReadOnlyList<CodeDecision> Decisions, IReadOnlyList<BillingWarning> Warnings);
