using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ports;

/// <summary>A session's status after a batch; <see cref="EndedAt"/> is set once it ended (removal or abort).</summary>
public readonly record struct SessionStatusChange(string SessionId, SessionStatus Status, DateTimeOffset? EndedAt);
