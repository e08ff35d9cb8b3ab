using Microsoft.Extensions.Logging;

namespace InfusionSuite.Fhir.Outbox;

/// <summary>The outbox participant's log lines: item and session ids only, never patient data or Bundle contents.</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(1, LogLevel.Information, "Outbox item {ItemId} ({Kind}) enqueued for session {SessionId}.")]
    public static partial void Enqueued(ILogger logger, Guid itemId, string kind, string sessionId);

    [LoggerMessage(2, LogLevel.Error, "The FHIR Bundle of session {SessionId} could not be made ({ExceptionType}); the session is stored and outbox item {ItemId} is parked for staff.")]
    public static partial void MappingFailed(ILogger logger, string sessionId, string exceptionType, Guid itemId);

    [LoggerMessage(3, LogLevel.Information, "Session {SessionId} was voided before it ended: nothing was sent, no void Bundle is enqueued.")]
    public static partial void VoidBeforeEnd(ILogger logger, string sessionId);
}
