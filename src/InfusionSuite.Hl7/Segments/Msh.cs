using InfusionSuite.Hl7.Encoding;

namespace InfusionSuite.Hl7.Segments;

/// <summary>Message header. MSH-1 and MSH-2 (the delimiters) are written by <see cref="Hl7Message.Encode"/>.</summary>
public sealed record Msh : IHl7Segment
{
    public string Id => "MSH";

    public required string SendingApplication { get; init; }

    public required string SendingFacility { get; init; }

    public required string ReceivingApplication { get; init; }

    public required string ReceivingFacility { get; init; }

    /// <summary>MSH-7, already formatted (<see cref="Hl7Timestamps"/>).</summary>
    public required string CreatedAt { get; init; }

    /// <summary>MSH-9: e.g. ORU, R01, ORU_R01.</summary>
    public required (string Code, string Trigger, string Structure) MessageType { get; init; }

    /// <summary>MSH-10: unique per message, kept when it is resent.</summary>
    public required string ControlId { get; init; }

    /// <summary>MSH-11: P production, T training, D debugging.</summary>
    public required string ProcessingId { get; init; }

    /// <summary>MSH-12, e.g. 2.5.1.</summary>
    public required string Version { get; init; }

    /// <summary>MSH-18, e.g. UNICODE UTF-8.</summary>
    public string? CharacterSet { get; init; }

    public IReadOnlyList<Hl7Field> Fields => SegmentFields.From(
        3,
        (3, Hl7Field.Text(SendingApplication)),
        (4, Hl7Field.Text(SendingFacility)),
        (5, Hl7Field.Text(ReceivingApplication)),
        (6, Hl7Field.Text(ReceivingFacility)),
        (7, Hl7Field.Text(CreatedAt)),
        (9, Hl7Field.Components(MessageType.Code, MessageType.Trigger, MessageType.Structure)),
        (10, Hl7Field.Text(ControlId)),
        (11, Hl7Field.Text(ProcessingId)),
        (12, Hl7Field.Text(Version)),
        (18, Hl7Field.Text(CharacterSet)));
}
