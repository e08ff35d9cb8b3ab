using InfusionSuite.Fhir.Validation;

namespace InfusionSuite.Fhir.Outbox;

/// <summary>
/// One transaction Bundle waiting for, or done with, delivery to the EHR. Written by storage in
/// the same transaction as the session's end (see <see cref="FhirOutboxItems.Create"/>).
/// </summary>
public sealed record FhirOutboxItem
{
    public required Guid Id { get; init; }

    public required string SessionId { get; init; }

    public required FhirOutboxItemKind Kind { get; init; }

    /// <summary>The transaction Bundle, compact FHIR JSON (one line).</summary>
    public required string BundleJson { get; init; }

    public required DateTimeOffset EnqueuedAt { get; init; }

    public FhirOutboxStatus Status { get; init; } = FhirOutboxStatus.Pending;

    /// <summary>Not to be attempted before this instant (persisted retry state: a restart keeps it).</summary>
    public required DateTimeOffset NextAttemptAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Why it is parked: the server's message or the validation errors.</summary>
    public string? ParkedReason { get; init; }

    /// <summary>The validation before sending, when the host validates (kept for staff).</summary>
    public FhirValidationReport? Validation { get; init; }

    public IReadOnlyList<FhirDeliveryAttempt> Attempts { get; init; } = [];
}
