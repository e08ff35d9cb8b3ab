using InfusionSuite.Application.Board;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// The sessions the writer holds: each controller's current one (open, or ended but still taking
/// late messages) and every one of them by id. Rebuilt from the store's logs at start. Used by the
/// writer's task only.
/// </summary>
internal sealed class SessionRegistry(IIngestStore store, SessionBoard board, SessionPolicySource policies, TimeProvider timeProvider)
{
    private readonly Dictionary<string, LiveSession> _byController = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LiveSession> _bySession = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ControllerHello> _hellos = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ControllerSetpointReport> _setpoints = new(StringComparer.Ordinal);

    /// <summary>
    /// Opens the store and rebuilds every open session and those ended within the late-message
    /// window (late controller messages may still join them); publishes each to the board.
    /// </summary>
    public async Task<IngestRecovery> RecoverAsync(CancellationToken cancellationToken)
    {
        var recovery = await store.OpenAsync(policies.ShownEndedSince(timeProvider.GetUtcNow()), cancellationToken);
        foreach (var setpoint in recovery.Setpoints ?? [])
        {
            _setpoints[setpoint.ControllerId] = setpoint;
        }

        foreach (var hello in recovery.Hellos ?? [])
        {
            _hellos[hello.ControllerId] = hello;
        }

        foreach (var stored in recovery.Sessions)
        {
            var live = Rebuild(stored);
            _bySession[live.SessionId] = live;
            if (!_byController.TryGetValue(live.ControllerId, out var other) || other.Ended)
            {
                _byController[live.ControllerId] = live;
            }

            board.Publish(live.Session.ToRecord(), signal: true);
        }

        board.WriterRecovered();
        return recovery;
    }

    /// <summary>Remembers what the controller last said it is (a session started later learns its model and firmware).</summary>
    public void NoteHello(ControllerHello hello) => _hellos[hello.ControllerId] = hello;

    /// <summary>The controller's latest hello, since this writer started or stored before it; null when none ever came.</summary>
    public ControllerHello? LastHello(string controllerId) => _hellos.GetValueOrDefault(controllerId);

    /// <summary>Remembers a setpoint the controller reported; true when it is the controller's latest (to be kept).</summary>
    public bool NoteSetpoint(ControllerSetpointReport report)
    {
        if (_setpoints.TryGetValue(report.ControllerId, out var known) && known.ReportedAt > report.ReportedAt)
        {
            return false;
        }

        _setpoints[report.ControllerId] = report;
        return known != report;
    }

    /// <summary>The controller's latest reported setpoint (kept across restarts); null when it never reported one.</summary>
    public ControllerSetpointReport? LastSetpoint(string controllerId) => _setpoints.GetValueOrDefault(controllerId);

    /// <summary>The controller's current session, if it has one.</summary>
    public bool TryCurrent(string controllerId, out LiveSession live) => _byController.TryGetValue(controllerId, out live!);

    public bool IsCurrent(LiveSession live) =>
        _byController.TryGetValue(live.ControllerId, out var current) && ReferenceEquals(current, live);

    public bool Holds(string sessionId) => _bySession.ContainsKey(sessionId);

    /// <summary>A session running (not ended) for the patient on any chair; null when none is.</summary>
    public LiveSession? RunningFor(string patientReference) =>
        _byController.Values.FirstOrDefault(live => !live.Ended
            && string.Equals(live.Session.Plan?.PatientReference, patientReference, StringComparison.Ordinal));

    /// <summary>A session held here, or else rebuilt from the store (not held: it is no controller's current one); null when unknown.</summary>
    public async Task<LiveSession?> FindAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (_bySession.TryGetValue(sessionId, out var live))
        {
            return live;
        }

        var stored = await store.LoadSessionAsync(sessionId, cancellationToken);
        return stored is null ? null : Rebuild(stored);
    }

    /// <summary>A new session becomes its controller's current one; the previous one is let go.</summary>
    public void Begin(LiveSession live)
    {
        if (_byController.TryGetValue(live.ControllerId, out var previous))
        {
            _bySession.Remove(previous.SessionId);
        }

        _byController[live.ControllerId] = live;
        _bySession[live.SessionId] = live;
    }

    internal static LiveSession Rebuild(StoredSession stored)
    {
        var session = new ScalpCoolingSession(stored.Policy);
        foreach (var input in stored.Log)
        {
            session.Apply(input);
        }

        return new LiveSession(stored.SessionId, stored.ControllerId, session, session.Status);
    }
}
