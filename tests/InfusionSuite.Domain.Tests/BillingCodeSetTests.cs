using InfusionSuite.Domain.Billing;

namespace InfusionSuite.Domain.Tests;

/// <summary>The dated code table: the shipped rows, what is in force on a date, and the checks that stop a bad table naming its row.</summary>
public sealed class BillingCodeSetTests
{
    private static readonly BillingCodeRow s_session2025 = ShippedBillingCodes.Rows.Single(r => r.Code == "0663T");
    private static readonly BillingCodeRow s_session2026 = ShippedBillingCodes.Rows.Single(r => r.Code == "97008");

    [Fact]
    public void ShippedRows_AreAValidTableWithTheCategoryIIICodesTo2025AndTheCategoryICodesFrom2026()
    {
        Assert.Empty(BillingCodeSet.Problems(ShippedBillingCodes.Rows));
        var set = BillingCodeSet.Shipped;

        Assert.Equal("0662T", set.InForce(BillingCodeScope.Course, new DateOnly(2025, 12, 31))?.Code);
        Assert.Equal("0663T", set.InForce(BillingCodeScope.Session, new DateOnly(2025, 12, 31))?.Code);
        Assert.Null(set.InForce(BillingCodeScope.Time, new DateOnly(2025, 12, 31)));
        Assert.Equal("97007", set.InForce(BillingCodeScope.Course, new DateOnly(2026, 1, 1))?.Code);
        Assert.Equal("97008", set.InForce(BillingCodeScope.Session, new DateOnly(2026, 1, 1))?.Code);
        var time = set.InForce(BillingCodeScope.Time, new DateOnly(2026, 11, 29));
        Assert.Equal(("97009", 30, BillingPairing.SessionCode), (time?.Code, time?.UnitMinutes, time?.Pairing));
        Assert.All(set.Rows, r => Assert.Contains("Billing office to confirm", r.Source, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void TwoRowsOfOneScopeInForceTheSameDay_AreAnOverlapNamingTheRow()
    {
        var overlapping = s_session2026 with { InForceFrom = new DateOnly(2025, 12, 1) };

        var problem = Assert.Single(BillingCodeSet.Problems([s_session2025, overlapping]));

        Assert.Contains("97008 (2025-12-01 to …)", problem, StringComparison.Ordinal);
        Assert.Contains("overlaps", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void DaysWithoutARowBetweenTwoRowsOfOneScope_AreAGapNamingTheRowAndTheDays()
    {
        var late = s_session2026 with { InForceFrom = new DateOnly(2026, 1, 15) };

        var problem = Assert.Single(BillingCodeSet.Problems([s_session2025, late]));

        Assert.Contains("97008 (2026-01-15 to …)", problem, StringComparison.Ordinal);
        Assert.Contains("gap", problem, StringComparison.Ordinal);
        Assert.Contains("2026-01-01 to 2026-01-14", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownScopeTimeRowWithoutMinutesAndBackwardDates_AreEachNamed()
    {
        var problems = BillingCodeSet.Problems(
        [
            s_session2026 with { Scope = (BillingCodeScope)9 },
            ShippedBillingCodes.Rows.Single(r => r.Code == "97009") with { UnitMinutes = null },
            s_session2025 with { InForceFrom = new DateOnly(2025, 6, 1), InForceTo = new DateOnly(2025, 1, 1) },
        ]);

        Assert.Contains(problems, p => p.Contains("97008", StringComparison.Ordinal) && p.Contains("unknown scope", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("97009", StringComparison.Ordinal) && p.Contains("unit minutes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("0663T", StringComparison.Ordinal) && p.Contains("ends before it starts", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => BillingCodeSet.Create([s_session2025, s_session2026 with { InForceFrom = null }]));
    }
}
