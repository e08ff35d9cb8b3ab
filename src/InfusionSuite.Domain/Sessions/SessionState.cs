namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// The facts a session has gathered so far, in three parts by who writes them: the nurses
/// (<see cref="Nurse"/>), the controller's samples and events (<see cref="Device"/>) and the
/// controller as a message source (<see cref="Channel"/>). Boundaries and status are derived from
/// them (<see cref="Lifecycle"/>).
/// </summary>
internal sealed class SessionState(SessionPolicy policy)
{
    public SessionPolicy Policy { get; } = policy;

    public NurseFacts Nurse { get; } = new();

    public DeviceObservations Device { get; } = new(policy.SetpointTolerance);

    public ControllerChannel Channel { get; } = new(policy.DeviceRecordGap);

    public SessionPlan? Plan => Nurse.Plan;

    public DateTimeOffset StartedAt => Nurse.StartedAt;

    /// <summary>The controller samples the session took (each belongs in its stored log).</summary>
    public int Samples { get; set; }

    /// <summary>The latest instant any input showed (device or server time).</summary>
    public DateTimeOffset AsOf { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Derived, refreshed after every input that changes the lifecycle.</summary>
    public SessionLifecycle Lifecycle { get; private set; } = SessionLifecycle.NotStarted;

    public void Saw(DateTimeOffset instant)
    {
        if (instant > AsOf)
        {
            AsOf = instant;
        }
    }

    /// <summary>Where the temperature summaries end: the abort for an aborted session, else the end (none while it runs).</summary>
    public DateTimeOffset? TemperaturesEnd => Nurse.Abort?.At ?? Lifecycle.End;

    public void RefreshLifecycle() => Lifecycle = SessionLifecycle.Resolve(this);
}
