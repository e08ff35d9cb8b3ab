using InfusionSuite.Hl7.Encoding;

namespace InfusionSuite.Hl7.Segments;

/// <summary>Event type: EVN-1 the trigger (e.g. P03), EVN-2 when it was recorded.</summary>
public sealed record Evn(string EventType, string RecordedAt) : IHl7Segment
{
    public string Id => "EVN";

    public IReadOnlyList<Hl7Field> Fields => SegmentFields.At(
        (1, Hl7Field.Text(EventType)),
        (2, Hl7Field.Text(RecordedAt)));
}
