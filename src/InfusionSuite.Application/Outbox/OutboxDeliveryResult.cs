namespace InfusionSuite.Application.Outbox;

/// <summary>What one delivery of an item came to, as its channel saw it; the <see cref="OutboxDispatcher"/> records and acts on it.</summary>
/// <param name="Message">What staff read in the attempt: the receiver's answer, the error, or one line per part sent.</param>
/// <param name="RetryAfter">The receiver's own wait before the next attempt (HTTP Retry-After), when it gave one.</param>
/// <param name="ParkReason">Why the item waits for staff when it is parked; the <paramref name="Message"/> when null.</param>
public sealed record OutboxDeliveryResult(
    OutboxAttemptOutcome Outcome, int? HttpStatus, string? Message, TimeSpan? RetryAfter = null, string? ParkReason = null)
{
    /// <summary>What the receiver holds after this attempt, part by part, with its ids; stored with the attempt.</summary>
    public IReadOnlyList<ReceiverResource> Resources { get; init; } = [];

    /// <summary>Short words for the log line (an ACK code, an HTTP status, an error count): never patient data or payload text.</summary>
    public string? LogReason { get; init; }
}
