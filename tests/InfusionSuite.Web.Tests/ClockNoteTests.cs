using InfusionSuite.Domain.Sessions;
using InfusionSuite.Web.Board;

namespace InfusionSuite.Web.Tests;

/// <summary>The clock note's short form on small cards says the same as the domain's full warning, in a few words.</summary>
public sealed class ClockNoteTests
{
    [Theory]
    [InlineData(-250, 250, 12, 0, "clock 4 min slow")]
    [InlineData(95, 95, 3, 0, "clock 2 min fast")]
    [InlineData(40, 40, 3, 0, "clock 40 s fast")]
    [InlineData(-250, 250, 12, 2, "clock 4 min slow")]
    [InlineData(10, 600, 5, 0, "clock off ≤ 10 min")]
    [InlineData(0, 0, 0, 2, "clock stepped")]
    public void ShortForm_NamesHowFarAndWhichWay(int aheadSeconds, int largestSeconds, int flagged, int steps, string expected)
    {
        var skew = new ClockSkewSummary(TimeSpan.FromSeconds(largestSeconds), flagged, steps, TimeSpan.FromSeconds(aheadSeconds));
        Assert.NotNull(skew.Warning);
        Assert.Equal(expected, ClockNote.Short(skew));
    }

    [Fact]
    public void WithinTheThreshold_HasNoNote() => Assert.Null(ClockNote.Short(new ClockSkewSummary(TimeSpan.FromSeconds(20), 0)));
}
