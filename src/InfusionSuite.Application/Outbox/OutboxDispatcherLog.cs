using Microsoft.Extensions.Logging;

namespace InfusionSuite.Application.Outbox;

/// <summary>The dispatchers' log lines, for every channel: item and session ids, codes and statuses, never patient data or payloads.</summary>
internal static partial class OutboxDispatcherLog
{
    [LoggerMessage(1, LogLevel.Information, "{Channel} delivery is off: {Reason}")]
    public static partial void Off(ILogger logger, string channel, string reason);

    [LoggerMessage(2, LogLevel.Information, "{Channel} outbox item {ItemId} (session {SessionId}) delivered on attempt {Attempt} ({Answer}).")]
    public static partial void Delivered(ILogger logger, string channel, Guid itemId, string sessionId, int attempt, string answer);

    [LoggerMessage(3, LogLevel.Warning, "{Channel} outbox item {ItemId} (session {SessionId}) attempt {Attempt} failed transiently ({Reason}); sent again unchanged at {NextAttemptAt:o}.")]
    public static partial void RetryScheduled(ILogger logger, string channel, Guid itemId, string sessionId, int attempt, string reason, DateTimeOffset nextAttemptAt);

    [LoggerMessage(4, LogLevel.Error, "{Channel} outbox item {ItemId} (session {SessionId}) {Reason}: parked for staff.")]
    public static partial void Parked(ILogger logger, string channel, Guid itemId, string sessionId, string reason);

    [LoggerMessage(5, LogLevel.Error, "A {Channel} outbox pass failed ({ExceptionType}); retrying after the poll interval.")]
    public static partial void PassFailed(ILogger logger, string channel, string exceptionType);

    [LoggerMessage(6, LogLevel.Information, "{Channel} delivery started: due items go to {Receiver}{Detail}; with nothing due it looks again every {PollInterval} (on the host's clock).")]
    public static partial void Started(ILogger logger, string channel, string receiver, string detail, TimeSpan pollInterval);
}
