using Microsoft.Extensions.Logging;

namespace InfusionSuite.Hl7.Outbox;

/// <summary>The HL7 outbox participant's log lines: item and session ids only, never patient data or message text.</summary>
internal static partial class Hl7OutboxLog
{
    [LoggerMessage(1, LogLevel.Information, "{Count} HL7 v2 message(s) ({Kind}) enqueued for session {SessionId}.")]
    public static partial void Enqueued(ILogger logger, int count, string kind, string sessionId);

    [LoggerMessage(2, LogLevel.Error, "The HL7 v2 messages of session {SessionId} could not be made ({ExceptionType}); the session is stored and outbox item {ItemId} is parked for staff.")]
    public static partial void MappingFailed(ILogger logger, string sessionId, string exceptionType, Guid itemId);

    [LoggerMessage(3, LogLevel.Information, "Session {SessionId} was voided before anything was sent over HL7 v2: no message is enqueued.")]
    public static partial void VoidBeforeEnd(ILogger logger, string sessionId);
}
