namespace InfusionSuite.Web.Api;

/// <summary>One outbox item for staff, without its payload.</summary>
/// <param name="ParkedReason">Why it is parked (or was, before staff handled it outside); null in any other status.</param>
/// <param name="WaitingFor">What a pending item waits for (an earlier item of its session, an EHR id); null otherwise.</param>
public sealed record OutboxItemView(
    Guid Id,
    string SessionId,
    string Kind,
    string ContentType,
    string Status,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset? SentAt,
    string? ParkedReason,
    IReadOnlyList<OutboxAttemptView> Attempts,
    string? WaitingFor = null);
