using InfusionSuite.Hl7.Encoding;

namespace InfusionSuite.Hl7.Segments;

/// <summary>A coded element (CWE/CE/CNE): identifier ^ text ^ name of coding system, and optionally ^ alternate identifier ^ alternate text ^ its coding system.</summary>
public sealed record Hl7Code(string Code, string? Text, string? CodingSystem, string? AlternateCode = null, string? AlternateCodingSystem = null)
{
    public Hl7Field ToField() => AlternateCode is null
        ? Hl7Field.Components(Code, Text, CodingSystem)
        : Hl7Field.Components(Code, Text, CodingSystem, AlternateCode, null, AlternateCodingSystem);
}
