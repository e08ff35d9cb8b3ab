using System.Globalization;
using InfusionSuite.Application.Billing;
using InfusionSuite.Domain.Billing;

namespace InfusionSuite.Web.Sessions;

/// <summary>
/// A code's billing decision in the words a nurse or a biller reads on the session page: "not billable", then why in
/// sentences ("The session had not ended."), never the rule names (<c>SESSION_NOT_FINISHED</c>), which stay in the
/// API's <c>reasons</c> and in the EHR's ChargeItem note.
/// </summary>
internal static class BillingWords
{
    /// <summary>"billable", "held" or "not billable": the status a person reads beside the code.</summary>
    public static string Status(CodeDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Billable ? "billable" : decision.IsHeld ? "held" : "not billable";
    }

    /// <summary>Why, in sentences: "The session had not ended. Date of service 2026-11-27."</summary>

    public static string For(CodeDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var date = decision.DateOfService.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var placed = decision.CapPlacedOn is { } on
            ? $" The cap was placed on {on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, another day than the infusion's start."
            : string.Empty;
        var minutes = decision.SupportingMinutes is { } m
            ? string.Create(CultureInfo.InvariantCulture, $" {m} min of cooling after the infusion were measured ({decision.InterruptionMinutes ?? 0} min of it interrupted): {decision.Units} unit{(decision.Units == 1 ? string.Empty : "s")}.")
            : string.Empty;
        var why = decision.IsHeld
            ? Capital(string.Join("; ", decision.Held.Select(BillingRuleText.Sentence))) + "."
            : decision.Billable
                ? decision.Scope switch
                {
                    BillingCodeScope.Course => "Once for the course (its first cap fitting).",
                    BillingCodeScope.Time => "An add-on to the session's scalp-cooling code.",
                    _ => $"With the chemotherapy administration code {decision.PrimaryCode} (the patient's first session of the day).",
                }
                : Capital(string.Join("; ", decision.Reasons.Select(BillingRuleText.Sentence))) + ".";
        return $"{why} Date of service {date}.{minutes}{placed}{BillingRuleText.Posting(decision)}";
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
