using CsCheck;
using InfusionSuite.Domain.Billing;

namespace InfusionSuite.Domain.Tests;

/// <summary>97009 time units by CPT's midpoint rule (a unit when its midpoint is passed), and whole units as the setting's other choice.</summary>
public sealed class TimeUnitsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(15, 0)]
    [InlineData(16, 1)]
    [InlineData(45, 1)]
    [InlineData(46, 2)]
    [InlineData(75, 2)]
    [InlineData(76, 3)]
    [InlineData(105, 3)]
    [InlineData(106, 4)]
    [InlineData(135, 4)]
    public void MidpointRule_ThirtyMinuteUnits_HoldTheBoundaries(int minutes, int units) =>
        Assert.Equal(units, TimeUnits.Count(minutes, 30, TimeUnitRule.Midpoint));

    [Theory]
    [InlineData(29, 0)]
    [InlineData(30, 1)]
    [InlineData(89, 2)]
    [InlineData(90, 3)]
    public void WholeUnitRule_CountsOnlyCompleteUnits(int minutes, int units) =>
        Assert.Equal(units, TimeUnits.Count(minutes, 30, TimeUnitRule.WholeUnits));

    [Fact]
    public void UnitsNeverDecrease_AsMinutesGrow() =>
        Gen.Select(Gen.Int[0, 600], Gen.Int[0, 120], Gen.Int[5, 60], Gen.Bool.Select(whole => whole ? TimeUnitRule.WholeUnits : TimeUnitRule.Midpoint))
            .Sample((minutes, more, unit, rule) =>
                TimeUnits.Count(minutes + more, unit, rule) >= TimeUnits.Count(minutes, unit, rule));

    [Fact]
    public void EachUnitIsReachedJustPastItsMidpoint() =>
        Gen.Select(Gen.Int[1, 20], Gen.Int[2, 60]).Sample((n, unit) =>
        {
            var reached = ((n - 1) * unit) + (unit / 2) + 1;
            return TimeUnits.Count(reached, unit, TimeUnitRule.Midpoint) == n && TimeUnits.Count(reached - 1, unit, TimeUnitRule.Midpoint) == n - 1;
        });

    [Fact]
    public void SecondsDoNotCount_FifteenMinutesFiftyNineSecondsIsFifteen() =>
        Assert.Equal(0, TimeUnits.Count(TimeUnits.WholeMinutes(TimeSpan.FromSeconds((15 * 60) + 59)), 30, TimeUnitRule.Midpoint));
}
