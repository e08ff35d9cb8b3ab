using InfusionSuite.Hl7.Encoding;

namespace InfusionSuite.Hl7.Segments;

/// <summary>The visit: PV1-2 patient class (O outpatient), PV1-3 the location (point of care ^ room ^ bed), PV1-19 the visit number.</summary>
public sealed record Pv1 : IHl7Segment
{
    public string Id => "PV1";

    public string PatientClass { get; init; } = "O";

    public string? PointOfCare { get; init; }

    public string? Room { get; init; }

    public string? Bed { get; init; }

    public string? VisitNumber { get; init; }

    public IReadOnlyList<Hl7Field> Fields => SegmentFields.At(
        (1, Hl7Field.Text("1")),
        (2, Hl7Field.Text(PatientClass)),
        (3, Hl7Field.Components(PointOfCare, Room, Bed)),
        (19, Hl7Field.Text(VisitNumber)));
}
