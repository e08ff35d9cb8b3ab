using System.Text;

namespace InfusionSuite.Hl7.Encoding;

/// <summary>A message as segments; <see cref="Encode"/> writes it with each segment ended by a carriage return.</summary>
public sealed class Hl7Message(IReadOnlyList<IHl7Segment> segments)
{
    public IReadOnlyList<IHl7Segment> Segments { get; } = segments;

    public string Encode(Hl7Delimiters delimiters)
    {
        ArgumentNullException.ThrowIfNull(delimiters);
        var text = new StringBuilder();
        foreach (var segment in Segments)
        {
            text.Append(segment.Id);
            if (segment.Id == "MSH")
            {
                text.Append(delimiters.Field).Append(delimiters.EncodingCharacters);
            }

            var fields = segment.Fields;
            var used = fields.Count;
            while (used > 0 && fields[used - 1].IsEmpty)
            {
                used--;
            }

            for (var i = 0; i < used; i++)
            {
                text.Append(delimiters.Field).Append(fields[i].Encode(delimiters));
            }

            text.Append('\r');
        }

        return text.ToString();
    }
}
