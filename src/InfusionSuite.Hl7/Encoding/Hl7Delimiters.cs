namespace InfusionSuite.Hl7.Encoding;

/// <summary>
/// The five delimiters of a message: the field separator (MSH-1) and the four encoding characters
/// (MSH-2: component, repetition, escape, subcomponent). HL7 v2.5.1 default: <c>|^~\&amp;</c>.
/// </summary>
public sealed record Hl7Delimiters(char Field, char Component, char Repetition, char Escape, char Subcomponent)
{
    public static Hl7Delimiters Default { get; } = new('|', '^', '~', '\\', '&');

    /// <summary>MSH-2 as written: component, repetition, escape, subcomponent.</summary>
    public string EncodingCharacters => string.Concat(Component, Repetition, Escape, Subcomponent);

    /// <summary>Reads a field separator and MSH-2; null when they are not five distinct printable characters.</summary>
    public static Hl7Delimiters? TryCreate(char field, string? encodingCharacters)
    {
        if (encodingCharacters is not { Length: 4 })
        {
            return null;
        }

        var all = field + encodingCharacters;
        if (all.Distinct().Count() != 5 || all.Any(c => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        return new Hl7Delimiters(field, encodingCharacters[0], encodingCharacters[1], encodingCharacters[2], encodingCharacters[3]);
    }
}
