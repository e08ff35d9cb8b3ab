using System.Globalization;
using System.Security.Cryptography;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Hl7.Messages;

/// <summary>
/// What to post for a session, from its billing decisions and what was charged before: a credit
/// for every earlier charge that no longer stands (a void, a code no longer billable, a changed
/// date of service, a changed unit count), then a charge for every billable decision not yet charged.
/// Each charge is the decision as decided: its code and display from the code set in force, its date
/// of service and its units (97009: time units). Decisions that are not billable, or held (no visit
/// yet), are not sent. Order: the per-session code, its time add-on, then the fitting.
/// </summary>
public static class ChargePostings
{
    public static IReadOnlyList<ChargePosting> For(ScalpCoolingSessionRecord record, Hl7SessionContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        var sessionId = record.Plan.SessionId;
        var wanted = record.Status == SessionStatus.Voided
            ? []
            : context.Charges
                .Where(d => d.Billable && string.Equals(d.SessionId, sessionId, StringComparison.Ordinal))
                .OrderBy(d => d.Scope switch { BillingCodeScope.Session => 0, BillingCodeScope.Time => 1, _ => 2 })
                .Select(d => new ChargeLine(d.Code, d.DateOfService, d.Units, TransactionId(sessionId, d), d.Display.Length > 0 ? d.Display : null, d.ChargeMaster?.Number))
                .ToList();

        var postings = new List<ChargePosting>();
        foreach (var charged in context.Charged)
        {
            if (!wanted.Exists(w => Same(w, charged)))
            {
                postings.Add(new ChargePosting(charged with { TransactionId = CreditId(charged.TransactionId) }, Credit: true));
            }
        }

        postings.AddRange(wanted
            .Where(w => !context.Charged.Any(c => Same(w, c)))
            .Select(w => new ChargePosting(w, Credit: false)));
        return postings;
    }

    private static bool Same(ChargeLine a, ChargeLine b) => a.SameCharge(b);

    /// <summary>The credit of a charge has its own FT1-2, derived from the charge's.</summary>
    private static string CreditId(string chargeId) => TransactionId(chargeId + "/CD");

    /// <summary>A charge's FT1-2 names what it charges, units included: a changed unit count is another charge (after the credit of the first).</summary>
    private static string TransactionId(string sessionId, CodeDecision decision) =>
        TransactionId(string.Create(CultureInfo.InvariantCulture, $"{sessionId}/{decision.Code}/{decision.DateOfService:yyyyMMdd}/{decision.Units}/CG"));

    /// <summary>FT1-2 holds 12 characters: 12 hex digits of a SHA-256 of what the posting is, the same every time it is derived.</summary>
    private static string TransactionId(string seed) =>
        Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)), 0, 6);
}
