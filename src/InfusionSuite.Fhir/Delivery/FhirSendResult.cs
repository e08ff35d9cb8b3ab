using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Outbox;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>What one send of a Bundle came to.</summary>
/// <param name="Message">What staff read in the attempt: the server's answer, or one line per resource sent.</param>
/// <param name="RetryAfter">The server's Retry-After, when it gave one.</param>
/// <param name="ParkReason">Why the item waits for staff, when it is parked; the <paramref name="Message"/> when null.</param>
public sealed record FhirSendResult(OutboxAttemptOutcome Outcome, int? HttpStatus, string? Message, TimeSpan? RetryAfter = null, string? ParkReason = null)
{
    /// <summary>What the EHR holds after the send, resource by resource, with its ids (the individual shapes); stored with the attempt.</summary>
    public IReadOnlyList<ReceiverResource> Resources { get; init; } = [];

    /// <summary>Short words for the log line when the HTTP status does not say it (held, an answer lost): never patient data.</summary>
    public string? LogReason { get; init; }
}
