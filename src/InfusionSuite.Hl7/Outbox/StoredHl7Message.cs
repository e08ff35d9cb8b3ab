using InfusionSuite.Hl7.Messages;

namespace InfusionSuite.Hl7.Outbox;

/// <summary>What InfusionSuite reads back from a message it made and stored: its control id, type, and the charge or credit of a DFT^P03.</summary>
/// <param name="MessageType">MSH-9.1 ^ MSH-9.2, e.g. <c>ORU^R01</c>.</param>
public sealed record StoredHl7Message(string ControlId, string MessageType, ChargePosting? Posting)
{
    public bool IsCharge => Posting is not null;

    /// <summary>OBR-4 of an ORU^R01 (its text, else its code); null without an OBR.</summary>
    public string? Service { get; init; }

    /// <summary>OBR-25 of an ORU^R01 (F, C); null without an OBR.</summary>
    public string? OrderStatus { get; init; }

    /// <summary>The OBX segments of an ORU^R01, in order.</summary>
    public IReadOnlyList<StoredObservation> Observations { get; init; } = [];
}
