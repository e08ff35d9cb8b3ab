using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ports;

/// <summary>
/// A session's status after a batch; <see cref="EndedAt"/> is set once it ended (removal or abort); <see cref="VoidReason"/>
/// once it was voided (a void for the wrong patient takes its name off the patient's name on file).
/// </summary>
public readonly record struct SessionStatusChange(string SessionId, SessionStatus Status, DateTimeOffset? EndedAt, VoidReason? VoidReason = null);
