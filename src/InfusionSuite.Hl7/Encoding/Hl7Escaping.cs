using System.Text;

namespace InfusionSuite.Hl7.Encoding;

/// <summary>
/// The one place text is escaped for HL7 v2 and read back: the field separator becomes <c>\F\</c>,
/// the component <c>\S\</c>, the repetition <c>\R\</c>, the escape character itself <c>\E\</c>,
/// the subcomponent <c>\T\</c>; a carriage return or line feed (which would end a segment) becomes
/// <c>\X0D\</c> or <c>\X0A\</c>.
/// </summary>
public static class Hl7Escaping
{
    public static string Escape(string text, Hl7Delimiters delimiters)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(delimiters);
        if (text.AsSpan().IndexOfAny([delimiters.Field, delimiters.Component, delimiters.Repetition, delimiters.Escape, delimiters.Subcomponent, '\r', '\n']) < 0)
        {
            return text;
        }

        var e = delimiters.Escape;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            var sequence = c == delimiters.Field ? "F"
                : c == delimiters.Component ? "S"
                : c == delimiters.Repetition ? "R"
                : c == delimiters.Escape ? "E"
                : c == delimiters.Subcomponent ? "T"
                : c == '\r' ? "X0D"
                : c == '\n' ? "X0A"
                : null;
            if (sequence is null)
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append(e).Append(sequence).Append(e);
            }
        }

        return escaped.ToString();
    }

    /// <summary>Reads back what <see cref="Escape"/> wrote (and the same sequences from a receiver's acknowledgement).</summary>
    public static string Unescape(string text, Hl7Delimiters delimiters)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(delimiters);
        var e = delimiters.Escape;
        if (!text.Contains(e, StringComparison.Ordinal))
        {
            return text;
        }

        var plain = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] == e ? text.IndexOf(e, i + 1) : -1;
            if (end < 0)
            {
                plain.Append(text[i]);
                continue;
            }

            var sequence = text[(i + 1)..end];
            string? value = sequence switch
            {
                "F" => delimiters.Field.ToString(),
                "S" => delimiters.Component.ToString(),
                "R" => delimiters.Repetition.ToString(),
                "E" => delimiters.Escape.ToString(),
                "T" => delimiters.Subcomponent.ToString(),
                "X0D" or "X0d" => "\r",
                "X0A" or "X0a" => "\n",
                ".br" => "\n",
                _ => null,
            };
            if (value is null)
            {
                plain.Append(text[i]);
                continue;
            }

            plain.Append(value);
            i = end;
        }

        return plain.ToString();
    }
}
