using InfusionSuite.Domain.Sessions;
using InfusionSuite.Web.Board;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// One sign convention for a controller's clock (controller minus server: + fast/ahead, − slow/behind) and one
/// formatter: the engineer's line, the chair's page and the small card's note agree with the domain's warning.
/// </summary>
public sealed class ClockOffsetWordsTests
{
    [Theory]
    [InlineData(-39, "39 s slow", "39 s slow (−39 s: behind the server)", "clock 39 s slow")]
    [InlineData(39, "39 s fast", "39 s fast (+39 s: ahead of the server)", "clock 39 s fast")]
    [InlineData(-250, "4 min 10 s slow", "4 min 10 s slow (−250 s: behind the server)", "clock 4 min slow")]
    [InlineData(0, "on time", "on time (0 s)", null)]
    public void EveryPlace_SaysTheSameWay(int controllerAheadSeconds, string words, string inFull, string? cardNote)
    {
        var ahead = TimeSpan.FromSeconds(controllerAheadSeconds);
        Assert.Equal(words, ClockOffsetWords.Of(ahead));
        Assert.Equal(inFull, ClockOffsetWords.WithSign(ahead));
        var skew = new ClockSkewSummary(ahead.Duration(), controllerAheadSeconds == 0 ? 0 : 5, 0, ahead);
        Assert.Equal(cardNote, ClockNote.Short(skew));
        if (controllerAheadSeconds != 0)
        {
            Assert.Contains(controllerAheadSeconds > 0 ? " fast" : " slow", skew.Warning, StringComparison.Ordinal); // the domain's full note: the same way
        }
    }
}
