using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Outbox;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>What one send of a Bundle came to.</summary>
/// <param name="RetryAfter">The server's Retry-After, when it gave one.</param>
public sealed record FhirSendResult(OutboxAttemptOutcome Outcome, int? HttpStatus, string? Message, TimeSpan? RetryAfter = null);
