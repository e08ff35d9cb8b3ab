namespace InfusionSuite.Hl7.Encoding;

/// <summary>
/// One field's value before encoding: repetitions of components, each component plain text
/// (escaped only when the message is written, by <see cref="Hl7Escaping"/>).
/// </summary>
public sealed class Hl7Field
{
    private Hl7Field(IReadOnlyList<IReadOnlyList<string>> repetitions) => Repetitions = repetitions;

    public static Hl7Field Empty { get; } = new([]);

    public IReadOnlyList<IReadOnlyList<string>> Repetitions { get; }

    public bool IsEmpty => Repetitions.All(r => r.All(string.IsNullOrEmpty));

    /// <summary>A field of one text value; empty when null.</summary>
    public static Hl7Field Text(string? value) => string.IsNullOrEmpty(value) ? Empty : new([[value]]);

    /// <summary>A field of components (a coded element, a name, an identifier); null components are empty.</summary>
    public static Hl7Field Components(params string?[] components) => new([[.. components.Select(c => c ?? string.Empty)]]);

    /// <summary>A repeating field; empty repetitions are dropped.</summary>
    public static Hl7Field Repeat(IEnumerable<Hl7Field> values) => new([.. values.Where(v => !v.IsEmpty).SelectMany(v => v.Repetitions)]);

    /// <summary>The field as written: components joined, trailing empty components left off, each escaped.</summary>
    public string Encode(Hl7Delimiters delimiters)
    {
        ArgumentNullException.ThrowIfNull(delimiters);
        return string.Join(delimiters.Repetition, Repetitions.Select(components =>
        {
            var used = components.Count;
            while (used > 0 && string.IsNullOrEmpty(components[used - 1]))
            {
                used--;
            }

            return string.Join(delimiters.Component, components.Take(used).Select(c => Hl7Escaping.Escape(c, delimiters)));
        }));
    }
}
