namespace InfusionSuite.Application.Outbox;

/// <summary>
/// Says in a few readable lines what a payload of one content type carries (for staff: the session page
/// and the delivery API), so that nobody has to read FHIR JSON or HL7 segments to know what went out.
/// The adapter that makes the payloads implements it; the lines hold patient data.
/// </summary>
public interface IOutboxPayloadSummary
{
    string ContentType { get; }

    /// <summary>The delivery channel the payloads go by, a short name (<c>fhir</c>, <c>hl7v2</c>): the session page lists each channel under its own heading.</summary>
    string Channel { get; }

    /// <summary>One line per thing sent; an empty list when the payload cannot be read.</summary>
    IReadOnlyList<string> Summarize(string payload);

    /// <summary>The item's lines, saying what became of each part at the receiver where its attempts tell (e.g. left out, and why).</summary>
    IReadOnlyList<string> Summarize(OutboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Summarize(item.Payload);
    }
}
