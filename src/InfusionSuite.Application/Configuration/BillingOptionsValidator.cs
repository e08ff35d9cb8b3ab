using InfusionSuite.Domain.Billing;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Application.Configuration;

/// <summary>
/// An unknown site time zone stops the host at start, naming <c>Billing:SiteTimeZone</c>; so does a
/// bad code set (<c>Billing:CodeRows</c>, <c>Billing:Payers:N:CodeRows</c>): an unknown scope or pairing,
/// a date that is not one, overlapping rows or a gap between rows of one scope, naming the row; a
/// charge-master line without a number or with a revenue code that is not four digits; an early-stop
/// modifier that is not two characters.
/// </summary>
internal sealed class BillingOptionsValidator : IValidateOptions<BillingOptions>
{
    public ValidateOptionsResult Validate(string? name, BillingOptions options)
    {
        var problems = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.SiteTimeZone ?? string.Empty, out _))
        {
            problems.Add($"{BillingOptions.SectionName}:{nameof(BillingOptions.SiteTimeZone)} is not a known time zone (use an IANA id such as America/New_York).");
        }

        CodeRows(problems, $"{BillingOptions.SectionName}:{nameof(BillingOptions.CodeRows)}", options.CodeRows);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Payers.Count; i++)
        {
            var payer = options.Payers[i];
            var key = $"{BillingOptions.SectionName}:{nameof(BillingOptions.Payers)}:{i}";
            if (string.IsNullOrWhiteSpace(payer.Name) || !names.Add(payer.Name.Trim()))
            {
                problems.Add($"{key}:{nameof(BillingPayerOptions.Name)} is empty or names a payer twice.");
            }

            CodeRows(problems, $"{key}:{nameof(BillingPayerOptions.CodeRows)}", payer.CodeRows);
        }

        foreach (var (code, line) in options.ChargeMaster)
        {
            var key = $"{BillingOptions.SectionName}:{nameof(BillingOptions.ChargeMaster)}:{code}";
            if (string.IsNullOrWhiteSpace(line.Number))
            {
                problems.Add($"{key}:{nameof(ChargeMasterOptions.Number)} is empty.");
            }

            if (!string.IsNullOrWhiteSpace(line.RevenueCode) && !(line.RevenueCode.Trim() is { Length: 4 } revenue && revenue.All(char.IsAsciiDigit)))
            {
                problems.Add($"{key}:{nameof(ChargeMasterOptions.RevenueCode)} is not a four-digit revenue code (e.g. 0940).");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.EarlyStopModifier) && !(options.EarlyStopModifier.Trim() is { Length: 2 } modifier && modifier.All(char.IsAsciiLetterOrDigit)))
        {
            problems.Add($"{BillingOptions.SectionName}:{nameof(BillingOptions.EarlyStopModifier)} is not a two-character CPT modifier (e.g. 52).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CodeRows(List<string> problems, string key, List<BillingCodeRowOptions> rows)
    {
        var parsed = new List<BillingCodeRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, problem) = rows[i].ToRow();
            if (row is null)
            {
                problems.Add($"{key}:{i} ({rows[i].Code}): {problem}.");
            }
            else
            {
                parsed.Add(row);
            }
        }

        if (parsed.Count == rows.Count)
        {
            problems.AddRange(BillingCodeSet.Problems(parsed).Select(p => $"{key}: {p}"));
        }
    }
}
