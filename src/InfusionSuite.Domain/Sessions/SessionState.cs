using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Sessions;

/// <summary>The facts a session has gathered so far; boundaries and status are derived from them.</summary>
internal sealed class SessionState(SessionPolicy policy)
{
    public SessionPolicy Policy { get; } = policy;

    public SessionPlan? Plan { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    // Nurse facts (effective instants).
    public DateTimeOffset? NurseCapPlacedAt { get; set; }

    public DateTimeOffset? InfusionStartedAt { get; set; }

    public DateTimeOffset? InfusionEndedAt { get; set; }

    public DateTimeOffset? NurseCapRemovedAt { get; set; }

    public SessionAbort? Abort { get; set; }

    public SessionVoid? Void { get; set; }

    public int? Tolerance { get; set; }

    public List<AdverseEventEntry> AdverseEvents { get; } = [];

    public List<NurseEntry> NurseEntries { get; } = [];

    public List<string> Nurses { get; } = [];

    public HashSet<NurseAction> AcceptedActions { get; } = [];

    // Controller facts (device ts).
    public DateTimeOffset? FirstCoolingStartWithCapAt { get; set; }

    public DateTimeOffset? LastCoolingStartAt { get; set; }

    public DateTimeOffset? LastCoolingStopAt { get; set; }

    public DateTimeOffset? LastCapOnAt { get; set; }

    public DateTimeOffset? LastCapOffAt { get; set; }

    public bool CapConnected { get; set; }

    public DateTimeOffset CapStatusAt { get; set; } = DateTimeOffset.MinValue;

    public bool FittingSeen { get; set; }

    public CapCalibration? Calibration { get; set; }

    public Temperature? Setpoint { get; set; }

    public DateTimeOffset SetpointAt { get; set; } = DateTimeOffset.MinValue;

    public List<string> FaultCodes { get; } = [];

    public string? Model { get; set; }

    public string? Firmware { get; set; }

    public DateTimeOffset HelloAt { get; set; } = DateTimeOffset.MinValue;

    public MessageDeduplicator Messages { get; } = new();

    public ConditionTimeline CoolingNotRunning { get; } = new();

    public ConditionTimeline Offline { get; } = new();

    public ConditionTimeline CoolantOffSetpoint { get; } = new();

    public ConditionTimeline OvercoolAlarm { get; } = new();

    public ConditionTimeline DeviceFault { get; } = new();

    // Latest sample (by device ts).
    public DateTimeOffset? LatestSampleAt { get; set; }

    public ControllerState? LatestState { get; set; }

    public Temperature? LatestCoolant { get; set; }

    public Temperature? LatestScalp { get; set; }

    public ControllerAlarms LatestAlarms { get; set; }

    public TemperatureAggregate Coolant;

    public TemperatureAggregate Scalp;

    public TimeSpan LargestSkew { get; set; }

    public int SkewFlagged { get; set; }

    public DateTimeOffset AsOf { get; set; } = DateTimeOffset.MinValue;

    // Derived, refreshed after every input that changes the lifecycle.
    public SessionLifecycle Lifecycle { get; set; } = SessionLifecycle.NotStarted;

    public void Saw(DateTimeOffset instant)
    {
        if (instant > AsOf)
        {
            AsOf = instant;
        }
    }
}
