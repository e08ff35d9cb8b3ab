using System.Globalization;

namespace InfusionSuite.Domain.Billing;

/// <summary>
/// A dated table of billing codes (docs/clinical-rules.md, Billing): each charge takes the rows in
/// force on its date of service. Built only from rows that pass <see cref="Problems"/>.
/// </summary>
public sealed class BillingCodeSet
{
    private readonly BillingCodeRow[] _rows;

    private BillingCodeSet(BillingCodeRow[] rows) => _rows = rows;

    /// <summary>The rows shipped with the product (<see cref="ShippedBillingCodes"/>).</summary>
    public static BillingCodeSet Shipped { get; } = Create(ShippedBillingCodes.Rows);

    public IReadOnlyList<BillingCodeRow> Rows => _rows;

    /// <summary>Builds a set; throws naming the first bad row (settings are checked earlier, at start).</summary>
    public static BillingCodeSet Create(IEnumerable<BillingCodeRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToArray();
        var problems = Problems(list);
        return problems.Count > 0 ? throw new ArgumentException(problems[0], nameof(rows)) : new BillingCodeSet(list);
    }

    /// <summary>The row of <paramref name="scope"/> in force on a date of service; null when none is.</summary>
    public BillingCodeRow? InForce(BillingCodeScope scope, DateOnly dateOfService) =>
        Array.Find(_rows, r => r.Scope == scope && r.InForceOn(dateOfService));

    /// <summary>
    /// What is wrong with a table, one sentence per problem naming the row: two rows of one scope
    /// in force the same day (overlap), a day between two rows of a scope with none (gap), a row
    /// ending before it starts, a time row without unit minutes, a limit below one.
    /// </summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<BillingCodeRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var problems = new List<string>();
        foreach (var row in rows)
        {
            if (string.IsNullOrWhiteSpace(row.Code))
            {
                problems.Add($"Row {row.Name}: the code is empty.");
            }

            if (row.InForceFrom is { } from && row.InForceTo is { } to && to < from)
            {
                problems.Add($"Row {row.Name}: it ends before it starts.");
            }

            if (!Enum.IsDefined(row.Scope))
            {
                problems.Add($"Row {row.Name}: unknown scope (course, session or time).");
            }

            if (row.Scope == BillingCodeScope.Time && row.UnitMinutes is not > 0)
            {
                problems.Add($"Row {row.Name}: a time code needs its unit minutes.");
            }

            if (row.PerDateLimit is < 1)
            {
                problems.Add($"Row {row.Name}: the per-date limit must be at least 1 (or none).");
            }
        }

        foreach (var scope in rows.Select(r => r.Scope).Distinct())
        {
            var ordered = rows.Where(r => r.Scope == scope).OrderBy(r => r.InForceFrom ?? DateOnly.MinValue).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var before = ordered[i - 1];
                var after = ordered[i];
                var afterFrom = after.InForceFrom ?? DateOnly.MinValue;
                if (before.InForceTo is not { } end || afterFrom <= end)
                {
                    problems.Add($"Row {after.Name}: overlaps row {before.Name} ({Scope(scope)} scope).");
                }
                else if (afterFrom > end.AddDays(1))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture,
                        $"Row {after.Name}: leaves a gap after row {before.Name} ({Scope(scope)} scope, {end.AddDays(1):yyyy-MM-dd} to {afterFrom.AddDays(-1):yyyy-MM-dd} has no code)."));
                }
            }
        }

        return problems;
    }

    private static string Scope(BillingCodeScope scope) => scope.ToString().ToLowerInvariant();
}
