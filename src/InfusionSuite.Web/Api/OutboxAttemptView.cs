namespace InfusionSuite.Web.Api;

/// <summary>One delivery attempt: when it ended, how, the HTTP status (FHIR) and the receiver's answer.</summary>
public sealed record OutboxAttemptView(int Number, DateTimeOffset FinishedAt, string Outcome, int? HttpStatus, string? ServerMessage);
