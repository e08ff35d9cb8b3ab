using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Board;

/// <summary>A session's status changed (raised after the change was stored).</summary>
public sealed record SessionStatusChanged(string SessionId, string ControllerId, DateTimeOffset At, SessionStatus? Previous, SessionStatus Status)
    : BoardNotification(SessionId, ControllerId, At);
