namespace InfusionSuite.Hl7.Encoding;

/// <summary>Lays fields out by their HL7 position (e.g. FT1-26), leaving the positions between them empty.</summary>
internal static class SegmentFields
{
    public static IReadOnlyList<Hl7Field> At(params (int Position, Hl7Field Field)[] fields) => From(1, fields);

    /// <summary>For MSH, whose written fields start at MSH-3.</summary>
    public static IReadOnlyList<Hl7Field> From(int firstPosition, params (int Position, Hl7Field Field)[] fields)
    {
        var list = new Hl7Field[fields.Max(f => f.Position) - firstPosition + 1];
        Array.Fill(list, Hl7Field.Empty);
        foreach (var (position, field) in fields)
        {
            list[position - firstPosition] = field;
        }

        return list;
    }
}
