namespace InfusionSuite.Domain.Sessions;

/// <summary>Why and when a nurse stopped the session early.</summary>
public sealed record SessionAbort(AbortReason Reason, DateTimeOffset At, string NurseId);
