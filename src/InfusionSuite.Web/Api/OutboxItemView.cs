namespace InfusionSuite.Web.Api;

/// <summary>One outbox item for staff, without its payload.</summary>
public sealed record OutboxItemView(
    Guid Id,
    string SessionId,
    string Kind,
    string ContentType,
    string Status,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset? SentAt,
    string? ParkedReason,
    IReadOnlyList<OutboxAttemptView> Attempts);
