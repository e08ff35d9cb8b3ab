namespace InfusionSuite.Web.Api;

/// <summary>A staff action on a parked outbox item.</summary>
/// <param name="Note">Optional: why, or what was done outside InfusionSuite (kept in the audit).</param>
public sealed record OutboxActionBody(string? Note);
