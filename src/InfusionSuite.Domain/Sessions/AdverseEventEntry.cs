namespace InfusionSuite.Domain.Sessions;

/// <summary>An adverse event as documented.</summary>
public sealed record AdverseEventEntry(AdverseEventKind Event, DateTimeOffset At, string NurseId);
