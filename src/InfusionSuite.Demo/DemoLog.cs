using InfusionSuite.Application.Nursing;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Simulator.Engine;

namespace InfusionSuite.Demo;

/// <summary>The demo's log lines (no patient data: the demo's patients are synthetic, and still not logged).</summary>
internal static partial class DemoLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Demo nurse: {ControllerId} {Marker} was not accepted: {Outcome} {Reason}")]
    public static partial void NurseActionNotAccepted(ILogger logger, string controllerId, NurseMarkerKind marker, NurseActionOutcome outcome, RefusalReason reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Demo: session {SessionId} on {ControllerId}, left open by the previous run, stopped ({Outcome})")]
    public static partial void LeftoverSessionEnded(ILogger logger, string sessionId, string controllerId, NurseActionOutcome outcome);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Demo chair {ControllerId} stopped with an error; it starts again after the turnover")]
    public static partial void ChairFailed(ILogger logger, string controllerId, Exception exception);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Demo: {Courses} finished courses with follow-ups seeded for the course pages and the suite report")]
    public static partial void HistorySeeded(ILogger logger, int courses);
}
