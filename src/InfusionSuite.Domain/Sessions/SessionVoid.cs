namespace InfusionSuite.Domain.Sessions;

/// <summary>Why and when the session was voided.</summary>
/// <param name="Details">The nurse's words (always given for <see cref="VoidReason.Other"/> since they were asked for); null when none.</param>
public sealed record SessionVoid(VoidReason Reason, DateTimeOffset At, string NurseId, string? Details = null);
