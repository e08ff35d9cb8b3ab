namespace InfusionSuite.Application.Outbox;

/// <summary>One attempt to deliver an outbox item, as staff see it.</summary>
/// <param name="HttpStatus">The final HTTP status; null when no response came (network error, timeout).</param>
/// <param name="ServerMessage">The receiver's message, the error, or a summary of what was created.</param>
public sealed record OutboxAttempt(
    int Number,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    OutboxAttemptOutcome Outcome,
    int? HttpStatus,
    string? ServerMessage)
{
    /// <summary>What the receiver holds after this attempt, part by part, with its ids (empty for a whole-payload delivery).</summary>
    public IReadOnlyList<ReceiverResource> Resources { get; init; } = [];
}
