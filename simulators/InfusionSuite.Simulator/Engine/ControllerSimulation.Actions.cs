using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Engine;

/// <summary>The scheduled state changes: the session's phases, then each incident's start and end.</summary>
internal sealed partial class ControllerSimulation
{
    private const int ModifierPriority = 0;
    private const int SessionPriority = 1;
    private const int IncidentPriority = 2;
    private const int EndPriority = 3;

    private List<ScheduledAction> ScheduleActions()
    {
        var plan = _scenario.Session;
        var phases = new PhaseSchedule(plan);
        var actions = new List<ScheduledAction>();
        void At(double minutes, int priority, Action<long> apply) =>
            actions.Add(new ScheduledAction((long)Math.Round(minutes * 60_000), priority, actions.Count, apply));
        double Start(SessionPhase phase) => phases.StartOf(phase);

        At(0, SessionPriority, PowerOn);
        At(Start(SessionPhase.Prechill), SessionPriority, Prechill);
        var fitting = Start(SessionPhase.Fitting);
        At(fitting, SessionPriority, ms => Marker(ms, NurseMarkerKind.SessionStart));
        if (plan.FirstOfCourse)
        {
            At(fitting + (plan.FittingMinutes / 4), SessionPriority, Calibrate);
        }

        At(fitting + (plan.FittingMinutes * 3 / 4), SessionPriority, CapOn);
        At(Start(SessionPhase.Precool), SessionPriority, CoolingStart);
        At(Start(SessionPhase.Infusion), SessionPriority, ms => Marker(ms, NurseMarkerKind.InfusionStarted));
        At(Start(SessionPhase.Postcool), SessionPriority, ms => Marker(ms, NurseMarkerKind.InfusionEnded));
        At(Start(SessionPhase.Warmup), SessionPriority, CoolingStop);
        At(Start(SessionPhase.Tail), SessionPriority, ms =>
        {
            CapOff(ms);
            Marker(ms, NurseMarkerKind.CapRemoved);
        });

        foreach (var incident in _scenario.Incidents)
        {
            var start = Start(incident.Phase) + incident.AtMinutes;
            var (begin, end) = IncidentActions(incident);
            var modifier = incident.Kind is IncidentKind.Garbage or IncidentKind.Duplicates or IncidentKind.Reorder;
            At(start, modifier ? ModifierPriority : IncidentPriority, begin);
            if (incident.Kind == IncidentKind.Fault)
            {
                At(start + (incident.FlowLowSeconds / 60), IncidentPriority, ms =>
                {
                    _state = ControllerState.Fault;
                    Event(ms, ControllerEventKind.Fault, incident.FaultCode);
                });
            }

            if (end is not null)
            {
                At(start + incident.Minutes, IncidentPriority, end);
            }
        }

        At(phases.TotalMinutes, EndPriority, End);
        actions.Sort((a, b) => (a.AtMs, a.Priority, a.Order).CompareTo((b.AtMs, b.Priority, b.Order)));
        return actions;
    }

    /// <summary>The session's own steps, as both schedules (by the plan's clock, or following the nurse) take them.</summary>
    private void Prechill(long ms)
    {
        Event(ms, ControllerEventKind.Setpoint, Celsius(_setpointC));
        _state = ControllerState.Prechill;
    }

    private void Calibrate(long ms) => Event(ms, ControllerEventKind.Calibrated, _scenario.Session.CapSize);

    private void CapOn(long ms)
    {
        _capConnected = true;
        Event(ms, ControllerEventKind.CapOn);
    }

    private void CoolingStart(long ms)
    {
        _state = ControllerState.Cooling;
        Event(ms, ControllerEventKind.CoolingStart);
    }

    private void CoolingStop(long ms)
    {
        _state = ControllerState.Standby;
        Event(ms, ControllerEventKind.CoolingStop);
    }

    private void CapOff(long ms)
    {
        _capConnected = false;
        Event(ms, ControllerEventKind.CapOff);
    }

    private (Action<long> Begin, Action<long>? End) IncidentActions(Incident incident) => incident.Kind switch
    {
        IncidentKind.Pause => (
            ms => { Event(ms, ControllerEventKind.Pause); _state = ControllerState.Paused; },
            ms => { Event(ms, ControllerEventKind.Resume); _state = ControllerState.Cooling; }),
        IncidentKind.Fault => (
            _ => _flowFault = true,
            ms => { _flowFault = false; _state = ControllerState.Cooling; Event(ms, ControllerEventKind.CoolingStart); }),
        IncidentKind.Overcool => (_ => _overcool = true, _ => _overcool = false),
        IncidentKind.Disconnect => (LinkDown, LinkUp),
        IncidentKind.Reboot => (PowerLoss, PowerBack),
        IncidentKind.Garbage => (_ => { _garbageLeft += incident.Count; _garbageKinds = incident.Garbage; }, null),
        IncidentKind.Duplicates => (_ => _delivery.DuplicatesLeft += incident.Count, null),
        IncidentKind.Reorder => (_ => _delivery.ReorderPairsLeft += incident.Count, null),
        IncidentKind.Alarm => AlarmActions(incident.Alarm!),
        IncidentKind.Setpoint => (ms => { _setpointC = incident.SetpointC!.Value; Event(ms, ControllerEventKind.Setpoint, Celsius(_setpointC)); }, null),
        IncidentKind.CapDisconnect => (
            ms => { _capConnected = false; _capHoseOff = true; Event(ms, ControllerEventKind.CapOff); },
            ms => { _capConnected = true; _capHoseOff = false; Event(ms, ControllerEventKind.CapOn); }),
        _ => throw new ArgumentOutOfRangeException(nameof(incident), incident.Kind, "unknown incident kind"),
    };

    private (Action<long>, Action<long>?) AlarmActions(string name)
    {
        ControllerAlarmNames.TryParse(name, out var bit);
        return (_ => _incidentAlarms |= bit, _ => _incidentAlarms &= ~bit);
    }

    private void LinkDown(long ms)
    {
        _delivery.Flush(At(ms));
        _delivery.Frame(new OfflineItem(At(ms), OfflineReason.Disconnect));
        _delivery.Online = false;
    }

    private void LinkUp(long ms)
    {
        _delivery.Online = true;
        if (_powered)
        {
            _lastHelloMs = ms;
            _delivery.Frame(new HelloItem(At(ms), Hello(), HelloReason.Reconnect));
        }
    }

    private void PowerLoss(long ms)
    {
        _delivery.Flush(At(ms));
        _delivery.Frame(new OfflineItem(At(ms), OfflineReason.PowerLoss));
        _stateBeforePowerLoss = _state;
        _state = ControllerState.Standby;
        _powered = false;
    }

    private void PowerBack(long ms)
    {
        PowerOn(ms);
        if (_capConnected)
        {
            Event(ms, ControllerEventKind.CapOn);
        }

        if (_stateBeforePowerLoss is ControllerState.Cooling or ControllerState.Paused or ControllerState.Fault)
        {
            _state = ControllerState.Cooling;
            Event(ms, ControllerEventKind.CoolingStart);
        }
        else
        {
            _state = _stateBeforePowerLoss;
        }
    }

    private void End(long ms)
    {
        _delivery.Flush(At(ms));
        if (_powered)
        {
            _delivery.Frame(new OfflineItem(At(ms), OfflineReason.Shutdown));
        }

        _ended = true;
    }
}
