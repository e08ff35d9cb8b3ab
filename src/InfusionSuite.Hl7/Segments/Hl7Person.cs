using InfusionSuite.Hl7.Encoding;

namespace InfusionSuite.Hl7.Segments;

/// <summary>A person as XCN: id ^ family name ^ given name, with the assigning authority (XCN-9) and identifier type (XCN-13).</summary>
public sealed record Hl7Person(string Id, string? FamilyName = null, string? GivenName = null, string? AssigningAuthority = null, string? IdentifierType = null)
{
    public Hl7Field ToField() =>
        Hl7Field.Components(Id, FamilyName, GivenName, null, null, null, null, null, AssigningAuthority, null, null, null, IdentifierType);
}
