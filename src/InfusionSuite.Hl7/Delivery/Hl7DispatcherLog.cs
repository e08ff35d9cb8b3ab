using Microsoft.Extensions.Logging;

namespace InfusionSuite.Hl7.Delivery;

/// <summary>The HL7 dispatcher's log lines: outbox item and session ids, ACK codes, never patient data or message text.</summary>
internal static partial class Hl7DispatcherLog
{
    [LoggerMessage(1, LogLevel.Information, "HL7 v2 delivery is off (Hl7:Enabled is false).")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "HL7 outbox item {ItemId} (session {SessionId}) acknowledged {Code} on attempt {Attempt}.")]
    public static partial void Delivered(ILogger logger, Guid itemId, string sessionId, string code, int attempt);

    [LoggerMessage(3, LogLevel.Warning, "HL7 outbox item {ItemId} (session {SessionId}) attempt {Attempt} got no acknowledgement ({Reason}); sent again with the same control id at {NextAttemptAt:o}.")]
    public static partial void RetryScheduled(ILogger logger, Guid itemId, string sessionId, int attempt, string reason, DateTimeOffset nextAttemptAt);

    [LoggerMessage(4, LogLevel.Error, "HL7 outbox item {ItemId} (session {SessionId}) refused with {Code}: parked for staff.")]
    public static partial void Parked(ILogger logger, Guid itemId, string sessionId, string code);

    [LoggerMessage(5, LogLevel.Error, "An HL7 outbox pass failed ({ExceptionType}); retrying after the poll interval.")]
    public static partial void PassFailed(ILogger logger, string exceptionType);
}
