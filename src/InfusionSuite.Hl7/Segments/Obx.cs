using System.Globalization;
using InfusionSuite.Hl7.Encoding;

namespace InfusionSuite.Hl7.Segments;

/// <summary>
/// One value: OBX-2 its type (NM, ST, CE or CWE, TX), OBX-3 the code the site maps to a flowsheet row,
/// OBX-4 sub-id, OBX-5 value, OBX-6 units, OBX-11 F / C / W, OBX-14 when observed, OBX-18 the controller.
/// </summary>
public sealed record Obx : IHl7Segment
{
    public string Id => "OBX";

    public required int SetId { get; init; }

    public required string ValueType { get; init; }

    public required Hl7Code Code { get; init; }

    public string? SubId { get; init; }

    /// <summary>OBX-5 as components (one for NM, ST and TX; code ^ text ^ system for CE and CWE).</summary>
    public required IReadOnlyList<string?> Value { get; init; }

    public Hl7Code? Units { get; init; }

    public required string ResultStatus { get; init; }

    /// <summary>OBX-14, already formatted.</summary>
    public string? ObservedAt { get; init; }

    /// <summary>OBX-18: the controller's id (EI).</summary>
    public string? EquipmentId { get; init; }

    public IReadOnlyList<Hl7Field> Fields => SegmentFields.At(
        (1, Hl7Field.Text(SetId.ToString(CultureInfo.InvariantCulture))),
        (2, Hl7Field.Text(ValueType)),
        (3, Code.ToField()),
        (4, Hl7Field.Text(SubId)),
        (5, Hl7Field.Components([.. Value])),
        (6, Units?.ToField() ?? Hl7Field.Empty),
        (11, Hl7Field.Text(ResultStatus)),
        (14, Hl7Field.Text(ObservedAt)),
        (18, Hl7Field.Text(EquipmentId)));
}
