namespace InfusionSuite.Application.Outbox;

/// <summary>
/// One payload waiting for, or done with, delivery. Opaque to storage: it keeps the payload text, its
/// content type and its keys, and moves the status along.
/// </summary>
public sealed record OutboxItem
{
    public required Guid Id { get; init; }

    /// <summary>The session the payload is about (its key for staff and export).</summary>
    public required string SessionId { get; init; }

    public required OutboxItemKind Kind { get; init; }

    /// <summary>What the payload is, e.g. <c>application/fhir+json</c>: the dispatcher of that type takes it.</summary>
    public required string ContentType { get; init; }

    /// <summary>The serialized payload (patient data: never logged); empty when it could not be made.</summary>
    public required string Payload { get; init; }

    public required DateTimeOffset EnqueuedAt { get; init; }

    public OutboxStatus Status { get; init; } = OutboxStatus.Pending;

    /// <summary>Not to be attempted before this instant (persisted retry state: a restart keeps it).</summary>
    public required DateTimeOffset NextAttemptAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>
    /// The reason as stored, read through <see cref="ParkedReason"/> or <see cref="WaitingFor"/> by the item's status: why it is
    /// parked, or while it is pending what it waits for. Stored in one place: an item is never both.
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>
    /// Why it is parked (or was, before staff handled it outside): the receiver's message, the validation errors, or why the
    /// payload could not be made; null in any other status.
    /// </summary>
    public string? ParkedReason => Status is OutboxStatus.Parked or OutboxStatus.HandledOutside ? Reason : null;

    /// <summary>What a pending item waits for (e.g. an earlier item of its session still at staff); null when it waits for nothing but its next attempt.</summary>
    public string? WaitingFor => Status == OutboxStatus.Pending ? Reason : null;

    /// <summary>The validation before sending, when the dispatcher validates (kept for staff).</summary>
    public PayloadValidationReport? Validation { get; init; }

    public IReadOnlyList<OutboxAttempt> Attempts { get; init; } = [];
}
