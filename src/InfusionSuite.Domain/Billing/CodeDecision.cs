namespace InfusionSuite.Domain.Billing;

/// <summary>Whether one code would be billed for one session, and if not, why.</summary>
/// <param name="Code">The code of the set in force on the date of service (e.g. 97008, or 0663T before 2026).</param>
/// <param name="DateOfService">The site's local calendar date the code is reported on.</param>
public sealed record CodeDecision(string Code, string SessionId, DateOnly DateOfService, IReadOnlyList<NotBillableReason> Reasons)
{
    /// <summary>The rules allow it and nothing holds it back.</summary>
    public bool Billable => Reasons.Count == 0 && Held.Count == 0;

    /// <summary>The rules allow it, but it waits (e.g. for a visit): never sent as billable.</summary>
    public bool IsHeld => Reasons.Count == 0 && Held.Count > 0;

    /// <summary>What holds an otherwise billable charge back; empty when nothing does.</summary>
    public IReadOnlyList<HeldReason> Held { get; init; } = [];

    /// <summary>The code's display from its row.</summary>
    public string Display { get; init; } = string.Empty;

    public BillingCodeScope Scope { get; init; } = BillingCodeScope.Session;

    /// <summary>Units reported (time codes: from the measured minutes; others 1).</summary>
    public int Units { get; init; } = 1;

    /// <summary>Time codes: the measured minutes that support the units; null for other codes.</summary>
    public int? SupportingMinutes { get; init; }

    /// <summary>Time codes: minutes of interruption inside the measured time (reported, not added).</summary>
    public int? InterruptionMinutes { get; init; }

    /// <summary>The local date the cap was placed when it is not the date of service (placed before midnight, infused after).</summary>
    public DateOnly? CapPlacedOn { get; init; }

    /// <summary>The primary administration code the charge pairs with, when its row pairs with one.</summary>
    public string? PrimaryCode { get; init; }

    /// <summary>CPT modifiers of the charge (the site's early-stop modifier on a session stopped early).</summary>
    public IReadOnlyList<string> Modifiers { get; init; } = [];

    /// <summary>The site's charge-master line for the code; null when the site has none for it.</summary>
    public ChargeMasterEntry? ChargeMaster { get; init; }

    /// <summary>The department the site posts the charge to; null for the channel's default.</summary>
    public string? Department { get; init; }
}
