namespace InfusionSuite.Storage.Schema;

/// <summary>
/// One outbox item (<see cref="Application.Outbox.OutboxItem"/>): an opaque payload and its delivery
/// state. Instants are UTC ticks: the dispatcher's retry schedule round-trips exactly and sorts in SQL.
/// </summary>
public sealed class OutboxRow
{
    /// <summary>Insertion order (ties between equal instants are broken by it).</summary>
    public long ItemKey { get; set; }

    /// <summary>The item id (a version 7 GUID, lower-case "D" text: sorts by creation).</summary>
    public required string Id { get; set; }

    public required string SessionId { get; set; }

    /// <summary><see cref="Application.Outbox.OutboxItemKind"/> as a number.</summary>
    public int Kind { get; set; }

    /// <summary>What the payload is (e.g. <c>application/fhir+json</c>).</summary>
    public required string ContentType { get; set; }

    /// <summary>The payload as its maker serialized it (patient data); empty when it could not be made.</summary>
    public required string Payload { get; set; }

    /// <summary><see cref="Application.Outbox.OutboxStatus"/> as a number.</summary>
    public int Status { get; set; }

    public long EnqueuedAtTicks { get; set; }

    public long NextAttemptAtTicks { get; set; }

    public long? SentAtTicks { get; set; }

    public string? ParkedReason { get; set; }

    /// <summary>The validation report before sending, as JSON.</summary>
    public string? ValidationJson { get; set; }
}
