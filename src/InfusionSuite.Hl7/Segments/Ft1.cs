using System.Globalization;
using InfusionSuite.Hl7.Encoding;

namespace InfusionSuite.Hl7.Segments;

/// <summary>
/// One financial transaction: FT1-2 transaction id, FT1-4 date of service, FT1-5 posting date,
/// FT1-6 CG (charge) or CD (credit), FT1-7 the code, FT1-10 units, FT1-13 department,
/// FT1-19 diagnoses, FT1-20 performed by, FT1-21 ordered by, FT1-26 modifiers, FT1-41 revenue code
/// (a field from v2.6 on: left out of earlier versions).
/// </summary>
public sealed record Ft1 : IHl7Segment
{
    public string Id => "FT1";

    public int SetId { get; init; } = 1;

    public required string TransactionId { get; init; }

    public required DateOnly DateOfService { get; init; }

    /// <summary>FT1-5, already formatted.</summary>
    public required string PostedAt { get; init; }

    /// <summary>CG or CD.</summary>
    public required string TransactionType { get; init; }

    public required Hl7Code TransactionCode { get; init; }

    public required int Units { get; init; }

    public Hl7Code? Department { get; init; }

    public IReadOnlyList<Hl7Code> Diagnoses { get; init; } = [];

    public IReadOnlyList<Hl7Person> PerformedBy { get; init; } = [];

    public Hl7Person? OrderedBy { get; init; }

    public IReadOnlyList<string> Modifiers { get; init; } = [];

    /// <summary>FT1-41 (v2.6 and later); null leaves it out.</summary>
    public string? RevenueCode { get; init; }

    public IReadOnlyList<Hl7Field> Fields => SegmentFields.At(
        (1, Hl7Field.Text(SetId.ToString(CultureInfo.InvariantCulture))),
        (2, Hl7Field.Text(TransactionId)),
        (4, Hl7Field.Components(Hl7Timestamps.Date(DateOfService))),
        (5, Hl7Field.Text(PostedAt)),
        (6, Hl7Field.Text(TransactionType)),
        (7, TransactionCode.ToField()),
        (10, Hl7Field.Text(Units.ToString(CultureInfo.InvariantCulture))),
        (13, Department?.ToField() ?? Hl7Field.Empty),
        (19, Hl7Field.Repeat(Diagnoses.Select(d => d.ToField()))),
        (20, Hl7Field.Repeat(PerformedBy.Select(p => p.ToField()))),
        (21, OrderedBy?.ToField() ?? Hl7Field.Empty),
        (26, Hl7Field.Repeat(Modifiers.Select(m => Hl7Field.Components(m)))),
        (41, RevenueCode is null ? Hl7Field.Empty : Hl7Field.Components(RevenueCode)));
}
