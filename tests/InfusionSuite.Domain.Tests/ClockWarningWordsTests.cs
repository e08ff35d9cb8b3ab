using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// One answer for the clock's words (issue 13): the warning that goes on the board, the session page and in the FHIR and
/// HL7 notes words the offset exactly as the card's line and the chair's page do (<see cref="ClockOffsetWords"/>), to the
/// nearest second.
/// </summary>
public sealed class ClockWarningWordsTests
{
    [Theory]
    [InlineData(-59.6, "Controller clock 1 min 0 s slow; device times corrected to the server clock.")]
    [InlineData(-240, "Controller clock 4 min 0 s slow; device times corrected to the server clock.")]
    [InlineData(250.6, "Controller clock 4 min 11 s fast; device times corrected to the server clock.")]
    [InlineData(9.5, "Controller clock 10 s fast; device times corrected to the server clock.")]
    public void ClockWarning_WordsTheOffsetAsTheBoardDoes(double seconds, string warning)
    {
        var ahead = TimeSpan.FromSeconds(seconds);
        var skew = new ClockSkewSummary(ahead.Duration(), FlaggedMessages: 3, ControllerAhead: ahead);

        Assert.Equal(warning, skew.Warning);
        Assert.Contains(ClockOffsetWords.Of(ahead), skew.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void ClockOffByUpTo_UsesTheSameSpanWords()
    {
        var skew = new ClockSkewSummary(TimeSpan.FromSeconds(119.7), FlaggedMessages: 2, ControllerAhead: TimeSpan.FromSeconds(10));

        Assert.Equal("Controller clock off by up to " + ClockOffsetWords.Span(TimeSpan.FromSeconds(119.7)) + "; device times corrected to the server clock.", skew.Warning);
        Assert.StartsWith("Controller clock off by up to 2 min 0 s;", skew.Warning, StringComparison.Ordinal);
    }
}
