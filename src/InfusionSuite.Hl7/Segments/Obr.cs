using InfusionSuite.Hl7.Encoding;

namespace InfusionSuite.Hl7.Segments;

/// <summary>
/// The session as an observation request: OBR-3 the session id (filler order number), OBR-4 the
/// service, OBR-7 cap placement, OBR-8 removal, OBR-20 the full session id, OBR-22 when the result
/// was reported, OBR-25 F or C.
/// </summary>
public sealed record Obr : IHl7Segment
{
    public string Id => "OBR";

    public string? PlacerOrderNumber { get; init; }

    public required string FillerOrderNumber { get; init; }

    public string? FillerNamespace { get; init; }

    public required Hl7Code Service { get; init; }

    /// <summary>OBR-7, already formatted.</summary>
    public required string ObservedFrom { get; init; }

    /// <summary>OBR-8, already formatted.</summary>
    public string? ObservedTo { get; init; }

    /// <summary>OBR-20 (filler field 1): the full session id, for when OBR-3 (at most 22 characters) holds a digest of it.</summary>
    public string? FillerField1 { get; init; }

    /// <summary>OBR-22, already formatted.</summary>
    public required string ReportedAt { get; init; }

    public required string ResultStatus { get; init; }

    public IReadOnlyList<Hl7Field> Fields => SegmentFields.At(
        (1, Hl7Field.Text("1")),
        (2, Hl7Field.Text(PlacerOrderNumber)),
        (3, Hl7Field.Components(FillerOrderNumber, FillerNamespace)),
        (4, Service.ToField()),
        (7, Hl7Field.Text(ObservedFrom)),
        (8, Hl7Field.Text(ObservedTo)),
        (20, Hl7Field.Text(FillerField1)),
        (22, Hl7Field.Text(ReportedAt)),
        (25, Hl7Field.Text(ResultStatus)));
}
