using InfusionSuite.Hl7.Encoding;

namespace InfusionSuite.Hl7.Tests;

public sealed class EscapingTests
{
    [Fact]
    public void EveryDelimiterInText_IsEscapedWithItsSequence()
    {
        Assert.Equal(@"a\F\b\S\c\R\d\E\e\T\f", Hl7Escaping.Escape(@"a|b^c~d\e&f", Hl7Delimiters.Default));
    }

    [Theory]
    [InlineData(@"Pt said ""cold|^~\& fine"" & asked for a blanket")]
    [InlineData(@"\F\ already looks escaped")]
    [InlineData("two\r\nlines")]
    [InlineData("")]
    [InlineData("plain text")]
    public void TextWithDelimiters_RoundTrips(string text)
    {
        var escaped = Hl7Escaping.Escape(text, Hl7Delimiters.Default);

        Assert.DoesNotContain('|', escaped);
        Assert.DoesNotContain('^', escaped);
        Assert.DoesNotContain('~', escaped);
        Assert.DoesNotContain('&', escaped);
        Assert.DoesNotContain('\r', escaped);
        Assert.Equal(text, Hl7Escaping.Unescape(escaped, Hl7Delimiters.Default));
    }

    [Fact]
    public void SiteDelimiters_AreTheOnesEscaped()
    {
        var delimiters = Hl7Delimiters.TryCreate('#', "*@!%")!;

        Assert.Equal("a!F!b!S!c|^", Hl7Escaping.Escape("a#b*c|^", delimiters));
        Assert.Equal("a#b*c|^", Hl7Escaping.Unescape("a!F!b!S!c|^", delimiters));
    }

    [Fact]
    public void FieldWithComponents_EscapesEachComponentAndDropsTrailingEmptyOnes()
    {
        var field = Hl7Field.Components("A^1", "B|2", null, null);

        Assert.Equal(@"A\S\1^B\F\2", field.Encode(Hl7Delimiters.Default));
    }

    [Fact]
    public void RepeatingField_JoinsRepetitionsWithTheRepetitionSeparator()
    {
        var field = Hl7Field.Repeat([Hl7Field.Components("59"), Hl7Field.Empty, Hl7Field.Components("GA")]);

        Assert.Equal("59~GA", field.Encode(Hl7Delimiters.Default));
    }

    [Theory]
    [InlineData('|', "^~\\")]
    [InlineData('|', "^~\\|")]
    [InlineData('|', "^~a&")]
    public void BadEncodingCharacters_AreRefused(char field, string encoding)
    {
        Assert.Null(Hl7Delimiters.TryCreate(field, encoding));
    }
}
