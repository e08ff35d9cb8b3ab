using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>What the chair board shows a nurse at an instant: a pure function of the record and now.</summary>
/// <param name="PhaseElapsed">Time in the current phase (interruptions included); null before placement and after the end.</param>
/// <param name="RemainingToTarget">Pre- or post-cooling time still to go (zero once reached); null in other phases.</param>
/// <param name="ReadyForInfusion">Pre-cooling target time reached and coolant at setpoint.</param>
/// <param name="PostCoolingCompleteRemoveCap">Post-cooling target reached: remove the cap.</param>
/// <param name="ActiveAlarms">Alarm names from the latest sample (CCP/1 wire names).</param>
public sealed record SessionLiveView(
    SessionStatus Status,
    TimeSpan? PhaseElapsed,
    TimeSpan? PhaseTarget,
    TimeSpan? RemainingToTarget,
    bool ReadyForInfusion,
    bool PostCoolingCompleteRemoveCap,
    IReadOnlyList<string> ActiveAlarms,
    Temperature? LatestCoolant,
    Temperature? LatestScalp,
    bool ControllerOnline,
    bool? CoolantAtSetpoint)
{
    public static SessionLiveView At(ScalpCoolingSessionRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var phase = CurrentPhase(record);
        var elapsed = phase is null ? (TimeSpan?)null : Positive(now - phase.Start);
        var target = phase?.Target;
        var remaining = elapsed is { } e && target is { } t ? Positive(t - e) : (TimeSpan?)null;
        var controller = record.Controller;
        var ready = record.Status == SessionStatus.PreCooling && remaining == TimeSpan.Zero && controller.CoolantAtSetpoint == true;

        return new SessionLiveView(
            record.Status,
            elapsed,
            target,
            remaining,
            ready,
            PostCoolingComplete(record, now),
            ControllerAlarmNames.Names(controller.ActiveAlarms),
            controller.Coolant,
            controller.Scalp,
            controller.Online,
            controller.CoolantAtSetpoint);
    }

    /// <summary>The running phase while the session is live.</summary>
    internal static PhaseSummary? CurrentPhase(ScalpCoolingSessionRecord record) =>
        record.Status is SessionStatus.PreCooling or SessionStatus.Infusing or SessionStatus.PostCooling or SessionStatus.WarmingUp
        && record.Phases.Count > 0 && record.Phases[^1].End is null
            ? record.Phases[^1]
            : null;

    private static bool PostCoolingComplete(ScalpCoolingSessionRecord record, DateTimeOffset now)
    {
        if (record.Phase(SessionPhase.PostCooling) is not { Target: { } target } post)
        {
            return false;
        }

        return record.Status switch
        {
            SessionStatus.PostCooling => now - post.Start >= target,
            SessionStatus.WarmingUp => post.Duration >= target,
            _ => false,
        };
    }

    private static TimeSpan Positive(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
