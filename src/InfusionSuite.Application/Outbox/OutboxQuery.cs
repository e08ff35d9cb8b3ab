namespace InfusionSuite.Application.Outbox;

/// <summary>Which outbox items staff want to see, newest first.</summary>
public sealed record OutboxQuery(OutboxStatus? Status = null, string? SessionId = null, int Limit = 100);
