using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Simulator.Engine;

/// <summary>
/// A controller that follows the nurse instead of its plan's clock, as a real one does when a person runs the
/// session (the demo's free chairs): it powers on and pre-chills with no cap until a session is started on its
/// chair; then the cap is fitted and cooling starts (the plan's fitting minutes); it cools until the nurse records
/// the infusion's end, runs the plan's post-cooling, stops, and the cap comes off after the plan's warm-up. When
/// the nurse ends the session first ("cap removed", abort, void) it stops cooling and the cap comes off at once.
/// The plan's pre-chill, pre-cooling and infusion minutes and the scenario's incidents are not used.
/// </summary>
internal sealed partial class ControllerSimulation
{
    private readonly Func<NurseProgress?>? _nurse;
    private string? _followedSession;
    private bool _following;

    private List<ScheduledAction> ScheduleFollowing()
    {
        var plan = _scenario.Session;
        var actions = new List<ScheduledAction>();
        void At(double minutes, int priority, Action<long> apply, FollowStep? waits = null) =>
            actions.Add(new ScheduledAction((long)Math.Round(minutes * 60_000), priority, actions.Count, apply, waits));
        static void Hold(long ms)
        {
        }

        At(0, SessionPriority, PowerOn);
        var fitting = plan.StandbyMinutes;
        At(fitting, SessionPriority, Prechill);
        At(fitting, SessionPriority, Hold, FollowStep.SessionStarted);
        if (plan.FirstOfCourse)
        {
            At(fitting + (plan.FittingMinutes / 4), SessionPriority, Calibrate);
        }

        At(fitting + (plan.FittingMinutes * 3 / 4), SessionPriority, CapOn);
        var cooling = fitting + plan.FittingMinutes;
        At(cooling, SessionPriority, CoolingStart);
        At(cooling, SessionPriority, Hold, FollowStep.InfusionEnded);
        var stop = cooling + plan.PostcoolRunMinutes;
        At(stop, SessionPriority, CoolingStop);
        At(stop + plan.WarmupMinutes, SessionPriority, ms =>
        {
            _following = false;
            CapOff(ms);
        });
        At(stop + plan.WarmupMinutes + plan.TailMinutes, EndPriority, End);
        return actions;
    }

    /// <summary>Whether the nurse has done <paramref name="step"/> for the session this controller follows (or, before one, started one).</summary>
    private bool NurseHasDone(FollowStep step)
    {
        var progress = _nurse!();
        if (step == FollowStep.SessionStarted)
        {
            if (progress is not { Ended: false })
            {
                return false;
            }

            _followedSession = progress.SessionId;
            _following = true;
            return true;
        }

        return progress is { InfusionEndedAt: not null } && progress.SessionId == _followedSession;
    }

    /// <summary>The followed session is over before this controller's own CAP_OFF: removed, aborted, voided, or gone from the chair.</summary>
    private bool NurseEndedTheSession() => _nurse!() is not { Ended: false } progress || progress.SessionId != _followedSession;

    /// <summary>The nurse took the cap off: cooling stops and the cap is off now; the controller powers off after the plan's tail.</summary>
    private void StopForRemoval(long ms, List<ScheduledAction> actions, int next)
    {
        _following = false;
        if (_state is ControllerState.Cooling or ControllerState.Paused or ControllerState.Fault)
        {
            CoolingStop(ms);
        }

        if (_capConnected)
        {
            CapOff(ms);
        }

        actions.RemoveRange(next, actions.Count - next);
        actions.Add(new ScheduledAction(ms + (long)Math.Round(_scenario.Session.TailMinutes * 60_000), EndPriority, int.MaxValue, End));
    }
}
