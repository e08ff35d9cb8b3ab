using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>What the chair board shows a nurse at an instant: a pure function of the record and now.</summary>
/// <param name="PhaseElapsed">Time in the current phase (interruptions included); null before placement and after the end.</param>
/// <param name="RemainingToTarget">Pre- or post-cooling time still to go (zero once reached); null in other phases.</param>
/// <param name="ReadyForInfusion">Pre-cooling target time reached and coolant at setpoint, the controller online (never from a stale reading).</param>
/// <param name="PostCoolingCompleteRemoveCap">Post-cooling target reached: remove the cap.</param>
/// <param name="ActiveAlarms">Alarm names from the latest sample (CCP/1 wire names).</param>
/// <param name="NotCooling">In pre-cooling, infusion or post-cooling while the controller, online, says it is not cooling (paused, stopped, faulted, standby, cap off).</param>
/// <param name="CoolantAtSetpoint">Null when no setpoint or coolant reading is known, or the controller is offline.</param>
/// <param name="CountedTowardsTarget">
/// The running pre- or post-cooling phase's time that counts towards its target: pre-cooling counts only
/// time the controller did not say it was not cooling; post-cooling its elapsed time.
/// </param>
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
    bool? CoolantAtSetpoint,
    bool NotCooling = false,
    TimeSpan? CountedTowardsTarget = null)
{
    /// <param name="latest">
    /// The controller's latest sample wherever it went (the board's reading): while the session itself has heard
    /// nothing of its cooling (no sample taken: refused, or none yet), what the controller, online, says now is what
    /// the screen goes by, so a controller that stopped is "not cooling" and pre-cooling's count stops.
    /// </param>
    public static SessionLiveView At(ScalpCoolingSessionRecord record, DateTimeOffset now, TelemetrySample? latest = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var phase = CurrentPhase(record);
        var elapsed = phase is null ? (TimeSpan?)null : Positive(now - phase.Start);
        var target = phase?.Target;
        var controller = record.Controller;
        // No prompt from stale readings: while the controller is offline its last reading says nothing of now (the offline alarm says why).
        var heard = controller.Online;
        var running = controller.CoolingRunning ?? (heard && latest is { } sample ? sample.Cooling : null);
        var counted = phase is null || elapsed is not { } e ? (TimeSpan?)null
            : phase.CountsCoolingOnly ? Positive(e - NotCoolingIn(record, phase, now, running != false))
            : e;
        var remaining = counted is { } c && target is { } t ? Positive(t - c) : (TimeSpan?)null;
        var ready = heard && record.Status == SessionStatus.PreCooling && remaining == TimeSpan.Zero && controller.CoolantAtSetpoint == true && running != false;
        var notCooling = heard && phase?.Phase is SessionPhase.PreCooling or SessionPhase.Infusion or SessionPhase.PostCooling && running == false;

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
            heard ? controller.CoolantAtSetpoint : null,
            notCooling,
            target is null ? null : counted);
    }

    /// <summary>
    /// Cooling as far as anyone knows: not said by the controller to be paused, stopped or faulted (a controller
    /// not heard from, or offline, may still be cooling: unknown counts as cooling).
    /// </summary>
    internal static bool IsCooling(ControllerSnapshot controller) => controller.CoolingRunning != false;

    /// <summary>Time in the phase the controller said it was not cooling, up to <paramref name="now"/> (a span still open runs on to now).</summary>
    private static TimeSpan NotCoolingIn(ScalpCoolingSessionRecord record, PhaseSummary phase, DateTimeOffset now, bool cooling)
    {
        var known = record.AsOf > phase.Start ? record.AsOf : phase.Start;
        return phase.NotCooling + (cooling ? TimeSpan.Zero : Positive(now - known));
    }

    /// <summary>The running phase while the session is live (none once it ended: an aborted session's card says "Aborted").</summary>
    public static PhaseSummary? CurrentPhase(ScalpCoolingSessionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Status is SessionStatus.PreCooling or SessionStatus.Infusing or SessionStatus.PostCooling or SessionStatus.WarmingUp
            && record.Phases.Count > 0 && record.Phases[^1].End is null
                ? record.Phases[^1]
                : null;
    }

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
