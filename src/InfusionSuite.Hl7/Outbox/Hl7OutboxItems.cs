using InfusionSuite.Application.Outbox;
using InfusionSuite.Hl7.Messages;

namespace InfusionSuite.Hl7.Outbox;

/// <summary>
/// HL7 v2 messages as outbox items: one item per message, its text (with its MSH-10 control id)
/// as the payload, so every resend is the same message with the same control id.
/// </summary>
public static class Hl7OutboxItems
{
    /// <summary>The content type of every item made here (HL7 v2 in its pipe-and-hat encoding); the HL7 dispatcher takes only these.</summary>
    public const string ContentType = "x-application/hl7-v2+er7";

    /// <summary>The delivery channel of these items (<see cref="IOutboxPayloadSummary.Channel"/>).</summary>
    public const string Channel = "hl7v2";

    public static OutboxItem Create(string sessionId, OutboxItemKind kind, Hl7OutgoingMessage message, DateTimeOffset enqueuedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Item(sessionId, kind, message.Text, enqueuedAt);
    }

    /// <summary>A parked item without a payload, naming why the messages could not be made (staff see it; nothing is sent).</summary>
    public static OutboxItem CouldNotMake(string sessionId, OutboxItemKind kind, Exception error, DateTimeOffset enqueuedAt)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Item(sessionId, kind, string.Empty, enqueuedAt) with
        {
            Status = OutboxStatus.Parked,
            Reason = $"The HL7 v2 messages could not be made ({error.GetType().Name}: {error.Message}). The session is recorded; report this to support.",
        };
    }

    private static OutboxItem Item(string sessionId, OutboxItemKind kind, string payload, DateTimeOffset enqueuedAt) => new()
    {
        Id = Guid.CreateVersion7(enqueuedAt),
        SessionId = sessionId,
        Kind = kind,
        ContentType = ContentType,
        Payload = payload,
        EnqueuedAt = enqueuedAt,
        NextAttemptAt = enqueuedAt,
    };
}
