using Microsoft.Extensions.Logging;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>The dispatcher's log lines: outbox item and session ids, statuses, never patient data or Bundle contents.</summary>
internal static partial class DispatcherLog
{
    [LoggerMessage(1, LogLevel.Information, "No EHR base URL configured: FHIR Bundles are kept in the outbox and not sent.")]
    public static partial void NoEhrConfigured(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Outbox item {ItemId} (session {SessionId}) sent on attempt {Attempt}.")]
    public static partial void Sent(ILogger logger, Guid itemId, string sessionId, int attempt);

    [LoggerMessage(3, LogLevel.Warning, "Outbox item {ItemId} (session {SessionId}) attempt {Attempt} failed transiently (HTTP {Status}); next attempt at {NextAttemptAt:o}.")]
    public static partial void RetryScheduled(ILogger logger, Guid itemId, string sessionId, int attempt, int? status, DateTimeOffset nextAttemptAt);

    [LoggerMessage(4, LogLevel.Error, "Outbox item {ItemId} (session {SessionId}) parked for staff (HTTP {Status}, {ValidationErrors} validation errors).")]
    public static partial void Parked(ILogger logger, Guid itemId, string sessionId, int? status, int validationErrors);

    [LoggerMessage(5, LogLevel.Error, "An outbox pass failed ({ExceptionType}); retrying after the poll interval.")]
    public static partial void PassFailed(ILogger logger, string exceptionType);
}
