using InfusionSuite.Hl7.Encoding;

namespace InfusionSuite.Hl7.Segments;

/// <summary>A coded element (CWE/CE/CNE): identifier ^ text ^ name of coding system.</summary>
public sealed record Hl7Code(string Code, string? Text, string? CodingSystem)
{
    public Hl7Field ToField() => Hl7Field.Components(Code, Text, CodingSystem);
}
