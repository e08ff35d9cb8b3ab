namespace InfusionSuite.Domain.Sessions;

/// <summary>Why and when the session was voided.</summary>
public sealed record SessionVoid(VoidReason Reason, DateTimeOffset At, string NurseId);
