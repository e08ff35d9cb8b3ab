using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// What the controller's samples and events tell the session (device ts throughout): cap and
/// cooling events, calibration, setpoint, faults, the condition timelines, the newest readings and
/// the temperature aggregates. Written only by <see cref="Sample"/> and <see cref="Event"/>.
/// </summary>
internal sealed class DeviceObservations(Temperature setpointTolerance)
{
    private const ControllerAlarms FaultAlarms = ControllerAlarms.FlowLow | ControllerAlarms.CoolantHigh | ControllerAlarms.SensorFault;

    private readonly List<string> _faultCodes = [];
    private readonly CountedSamples _counted = new();
    private TemperatureAggregate _coolant;
    private TemperatureAggregate _scalp;
    private DateTimeOffset? _aggregatedTo;
    private DateTimeOffset _capStatusAt = DateTimeOffset.MinValue;
    private DateTimeOffset _setpointAt = DateTimeOffset.MinValue;
    private Temperature? _reportedSetpoint;
    private Temperature? _modelSetpoint;

    private readonly List<DateTimeOffset> _coolingStarts = [];
    private readonly ConditionTimeline _capOn = new();

    /// <summary>
    /// The placement the controller says: its earliest COOLING_START at or after <paramref name="startedAt"/>
    /// with a cap connected at that instant (by the cap's own timeline, whatever order the messages came in);
    /// or, when the controller was already cooling with the cap connected at <paramref name="startedAt"/>
    /// (a nurse cannot know the exact second), the COOLING_START that began that cooling.
    /// </summary>
    public DateTimeOffset? FirstCoolingStartWithCapAt(DateTimeOffset startedAt)
    {
        if (CoolingWithCapSince(startedAt) is { } running)
        {
            return running;
        }

        DateTimeOffset? first = null;
        foreach (var at in _coolingStarts)
        {
            if (at >= startedAt && (first is not { } known || at < known) && _capOn.StateAt(at) == true)
            {
                first = at;
            }
        }

        return first;
    }

    /// <summary>
    /// The COOLING_START (cap connected) of the cooling that was running with the cap connected at
    /// <paramref name="at"/>, when it began before <paramref name="at"/>; null otherwise.
    /// </summary>
    private DateTimeOffset? CoolingWithCapSince(DateTimeOffset at)
    {
        if (CoolingNotRunning.StateAt(at) != false || _capOn.StateAt(at) != true)
        {
            return null;
        }

        DateTimeOffset? latest = null;
        foreach (var start in _coolingStarts)
        {
            if (start < at && (latest is not { } known || start > known))
            {
                latest = start;
            }
        }

        // That cooling ran on, cap connected, from its start to the session's start (a stop, pause,
        // fault or cap off in between is "not running", and a later COOLING_START would be the latest).
        return latest is { } since && _capOn.StateAt(since) == true
            && !CoolingNotRunning.Intervals(at).Exists(i => i.End > since && i.Start < at) ? since : null;
    }

    public DateTimeOffset? LastCoolingStartAt { get; private set; }

    /// <summary>Whether the controller said COOLING_START at <paramref name="at"/> with a cap connected then.</summary>
    public bool CoolingStartWithCapAt(DateTimeOffset at) => _coolingStarts.Contains(at) && _capOn.StateAt(at) == true;

    public bool HasCoolingStart => _coolingStarts.Count > 0;

    public DateTimeOffset? LastCoolingStopAt { get; private set; }

    public DateTimeOffset? LastCapOnAt { get; private set; }

    public DateTimeOffset? LastCapOffAt { get; private set; }

    public bool CapConnected { get; private set; }

    /// <summary>A calibration or the cap connected since the session started: the cap is being fitted.</summary>
    public bool FittingSeen { get; private set; }

    public CapCalibration? Calibration { get; private set; }

    /// <summary>
    /// The setpoint judged against: the controller's latest reported one, else the site's setpoint for
    /// its model; null when neither is known (the coolant cannot be judged).
    /// </summary>
    public Temperature? Setpoint => _reportedSetpoint ?? _modelSetpoint;

    public SetpointSource? SetpointSource => _reportedSetpoint is not null ? Sessions.SetpointSource.Controller
        : _modelSetpoint is not null ? Sessions.SetpointSource.ModelSetting
        : null;

    public IReadOnlyList<string> FaultCodes => _faultCodes;

    public LatestReading? Latest { get; private set; }

    /// <summary>
    /// Coolant and scalp summaries over the samples from <paramref name="startedAt"/> to <paramref name="endedAt"/>
    /// (the session's own period as it stands now): taken again whenever that end moved since the samples were folded.
    /// </summary>
    public (TemperatureSummary Coolant, TemperatureSummary Scalp) Temperatures(DateTimeOffset startedAt, DateTimeOffset? endedAt)
    {
        if (endedAt != _aggregatedTo)
        {
            Refold(startedAt, endedAt);
        }

        return (_coolant.Summary(), _scalp.Summary());
    }

    public ConditionTimeline CoolingNotRunning { get; } = new();

    public ConditionTimeline CoolantOffSetpoint { get; } = new();

    public ConditionTimeline OvercoolAlarm { get; } = new();

    public ConditionTimeline DeviceFault { get; } = new();

    public static bool IsReadable(ControllerEvent e) => e.Kind switch
    {
        ControllerEventKind.Calibrated => TryCapSize(e.Detail, out _),
        ControllerEventKind.Setpoint => SetpointDetail.TryParse(e.Detail, out _),
        _ => true,
    };

    /// <param name="startedAt">The session's start: only samples from then on count towards the temperatures.</param>
    /// <param name="endedAt">The session's clinical end, when known: samples after it do not count towards the temperatures.</param>
    public void Sample(in TelemetrySample sample, DateTimeOffset startedAt, DateTimeOffset? endedAt)
    {
        var at = sample.Timestamp;
        if (sample.CapConnected && at >= startedAt)
        {
            _counted.Add(at, startedAt, sample.CoolantC, sample.ScalpC);
            if (endedAt != _aggregatedTo)
            {
                Refold(startedAt, endedAt);
            }
            else if (endedAt is not { } end || at <= end)
            {
                _coolant.Add(sample.CoolantC);
                if (sample.ScalpC is { } scalp)
                {
                    _scalp.Add(scalp);
                }
            }
        }

        // The timelines take every sample at its own instant (one that arrived late still says what held then).
        _capOn.Observe(sample.CapConnected, at);
        CoolingNotRunning.Observe(!sample.Cooling, at);
        OvercoolAlarm.Observe((sample.Alarms & ControllerAlarms.Overcool) != 0, at);
        DeviceFault.Observe(sample.State == ControllerState.Fault || (sample.Alarms & FaultAlarms) != 0, at);
        if (Latest is { } latest && at < latest.At)
        {
            if (Setpoint is { } setpoint)
            {
                CoolantOffSetpoint.Observe(IsOffSetpoint(sample.CoolantC, setpoint), at);
            }

            return;
        }

        Latest = new LatestReading(at, sample.State, sample.CoolantC, sample.ScalpC, sample.Alarms);
        SetCap(sample.CapConnected, at, startedAt);
        ObserveSetpoint(at);
    }

    /// <param name="startedAt">The session's start: cap and cooling before it do not place the cap.</param>
    public void Event(ControllerEvent e, DateTimeOffset startedAt)
    {
        var at = e.Timestamp;
        switch (e.Kind)
        {
            case ControllerEventKind.CapOn:
                LastCapOnAt = Later(LastCapOnAt, at);
                _capOn.Observe(true, at);
                SetCap(true, at, startedAt);
                break;
            case ControllerEventKind.CapOff:
                LastCapOffAt = Later(LastCapOffAt, at);
                _capOn.Observe(false, at);
                SetCap(false, at, startedAt);
                CoolingNotRunning.Observe(true, at);
                break;
            case ControllerEventKind.CoolingStart:
                LastCoolingStartAt = Later(LastCoolingStartAt, at);
                _coolingStarts.Add(at);
                CoolingNotRunning.Observe(false, at);
                break;
            case ControllerEventKind.CoolingStop:
                LastCoolingStopAt = Later(LastCoolingStopAt, at);
                CoolingNotRunning.Observe(true, at);
                break;
            case ControllerEventKind.Pause:
                CoolingNotRunning.Observe(true, at);
                break;
            case ControllerEventKind.Resume:
                CoolingNotRunning.Observe(false, at);
                break;
            case ControllerEventKind.Calibrated:
                TryCapSize(e.Detail, out var size);
                Calibration = Calibration is { } known && known.At <= at ? known : new CapCalibration(at, size);
                FittingSeen |= at >= startedAt;
                break;
            case ControllerEventKind.Setpoint:
                SetpointDetail.TryParse(e.Detail, out var setpoint);
                ReportedSetpoint(setpoint, at);
                break;
            case ControllerEventKind.Fault:
                if (e.Detail is { } code && !_faultCodes.Contains(code))
                {
                    _faultCodes.Add(code);
                }

                DeviceFault.Observe(true, at);
                CoolingNotRunning.Observe(true, at);
                break;
            default:
                break;
        }
    }

    /// <summary>A setpoint the controller reported (in the session, or before it and kept for its controller); the latest wins.</summary>
    public void ReportedSetpoint(Temperature setpoint, DateTimeOffset at)
    {
        if (at >= _setpointAt)
        {
            _reportedSetpoint = setpoint;
            _setpointAt = at;
            ObserveSetpoint(Latest is { } latest && latest.At > at ? latest.At : at);
        }
    }

    /// <summary>The site's setpoint for the controller's model, used while the controller reported none.</summary>
    public void ModelSetpoint(Temperature? setpoint)
    {
        if (_modelSetpoint == setpoint)
        {
            return;
        }

        _modelSetpoint = setpoint;
        if (Latest is { } latest)
        {
            ObserveSetpoint(latest.At);
        }
    }

    private void Refold(DateTimeOffset startedAt, DateTimeOffset? endedAt)
    {
        _coolant = default;
        _scalp = default;
        _counted.Fold(startedAt, endedAt, ref _coolant, ref _scalp);
        _aggregatedTo = endedAt;
    }

    private void SetCap(bool connected, DateTimeOffset at, DateTimeOffset startedAt)
    {
        if (at < _capStatusAt)
        {
            return;
        }

        _capStatusAt = at;
        CapConnected = connected;
        FittingSeen |= connected && at >= startedAt;
    }

    private void ObserveSetpoint(DateTimeOffset at)
    {
        if (Setpoint is { } setpoint && Latest is { } latest)
        {
            CoolantOffSetpoint.Observe(IsOffSetpoint(latest.Coolant, setpoint), at);
        }
    }

    /// <summary>Warmer than setpoint + tolerance; exactly at it is at temperature.</summary>
    private bool IsOffSetpoint(Temperature coolant, Temperature setpoint) => coolant.Tenths > setpoint.Tenths + setpointTolerance.Tenths;

    private static DateTimeOffset Later(DateTimeOffset? known, DateTimeOffset at) => known is { } k && k > at ? k : at;

    private static bool TryCapSize(string? detail, out CapSize size) =>
        Enum.TryParse(detail, ignoreCase: false, out size) && Enum.IsDefined(size) && !int.TryParse(detail, out _);

}
