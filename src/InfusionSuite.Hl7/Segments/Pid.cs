using InfusionSuite.Hl7.Encoding;

namespace InfusionSuite.Hl7.Segments;

/// <summary>Patient identification: PID-3 the identifier (CX: id ^^^ authority ^ type), PID-5 the name (XPN: family ^ given).</summary>
public sealed record Pid : IHl7Segment
{
    public string Id => "PID";

    public required string PatientId { get; init; }

    public string? AssigningAuthority { get; init; }

    /// <summary>PID-3.5, e.g. MR (medical record number).</summary>
    public string? IdentifierType { get; init; }

    public string? FamilyName { get; init; }

    public string? GivenName { get; init; }

    public IReadOnlyList<Hl7Field> Fields => SegmentFields.At(
        (1, Hl7Field.Text("1")),
        (3, Hl7Field.Components(PatientId, null, null, AssigningAuthority, IdentifierType)),
        (5, Hl7Field.Components(FamilyName, GivenName)));
}
