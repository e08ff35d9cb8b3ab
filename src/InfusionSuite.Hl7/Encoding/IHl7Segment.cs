namespace InfusionSuite.Hl7.Encoding;

/// <summary>One segment: its id and its fields from position 1 (for MSH, from MSH-3: MSH-1 and MSH-2 are the delimiters).</summary>
public interface IHl7Segment
{
    string Id { get; }

    IReadOnlyList<Hl7Field> Fields { get; }
}
