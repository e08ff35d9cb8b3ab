namespace InfusionSuite.Domain.Billing;

/// <summary>Whether one code would be billed for one session, and if not, why.</summary>
/// <param name="Code">0662T or 0663T.</param>
/// <param name="DateOfService">The site's local calendar date of the session.</param>
public sealed record CodeDecision(string Code, string SessionId, DateOnly DateOfService, IReadOnlyList<NotBillableReason> Reasons)
{
    public bool Billable => Reasons.Count == 0;
}
