namespace InfusionSuite.Storage.Schema;

/// <summary>
/// One FHIR outbox item (<see cref="Fhir.Outbox.FhirOutboxItem"/>). Instants are UTC ticks: the
/// dispatcher's retry schedule round-trips exactly and sorts in SQL.
/// </summary>
public sealed class FhirOutboxRow
{
    /// <summary>Insertion order (ties between equal instants are broken by it).</summary>
    public long ItemKey { get; set; }

    /// <summary>The item id (a version 7 GUID, lower-case "D" text: sorts by creation).</summary>
    public required string Id { get; set; }

    public required string SessionId { get; set; }

    /// <summary><see cref="Fhir.Outbox.FhirOutboxItemKind"/> as a number.</summary>
    public int Kind { get; set; }

    /// <summary>The transaction Bundle (compact FHIR JSON, patient data); empty when it could not be made.</summary>
    public required string BundleJson { get; set; }

    /// <summary><see cref="Fhir.Outbox.FhirOutboxStatus"/> as a number.</summary>
    public int Status { get; set; }

    public long EnqueuedAtTicks { get; set; }

    public long NextAttemptAtTicks { get; set; }

    public long? SentAtTicks { get; set; }

    public string? ParkedReason { get; set; }

    /// <summary>The validation report before sending, as JSON.</summary>
    public string? ValidationJson { get; set; }
}
