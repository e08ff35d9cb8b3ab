using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ports;

/// <summary>
/// Everything one storage transaction writes: samples, other inputs, the nurse audit, new sessions,
/// status changes and controller sightings. The writer fills it and reuses it after each commit.
/// </summary>
public sealed class IngestBatch
{
    private readonly List<StoredTelemetry> _telemetry = [];
    private readonly List<StoredInput> _inputs = [];
    private readonly List<NurseAuditEntry> _audit = [];
    private readonly List<StartedSession> _started = [];
    private readonly Dictionary<string, SessionStatusChange> _statuses = new(StringComparer.Ordinal);
    private readonly List<ControllerSighting> _controllers = [];
    private readonly List<ControllerSetpointReport> _setpoints = [];
    private readonly List<ControllerSite> _sites = [];
    private readonly List<ControllerPresenceNote> _presence = [];
    private readonly List<ScalpCoolingSessionRecord> _ended = [];
    private readonly List<AdoptedMessage> _adopted = [];
    private readonly List<ScalpCoolingSessionRecord> _changedAfterEnd = [];
    private readonly List<RelayedAnswer> _answers = [];
    private readonly Dictionary<string, SessionReported> _reported = new(StringComparer.Ordinal);

    public IReadOnlyList<StoredTelemetry> Telemetry => _telemetry;

    public IReadOnlyList<StoredInput> Inputs => _inputs;

    public IReadOnlyList<NurseAuditEntry> Audit => _audit;

    /// <summary>Sessions to create before the inputs that refer to them.</summary>
    public IReadOnlyList<StartedSession> StartedSessions => _started;

    /// <summary>The latest status of each session whose status changed.</summary>
    public IReadOnlyCollection<SessionStatusChange> StatusChanges => _statuses.Values;

    public IReadOnlyList<ControllerSighting> Controllers => _controllers;

    /// <summary>Controllers' newly reported coolant setpoints, kept per controller (the latest wins).</summary>
    public IReadOnlyList<ControllerSetpointReport> Setpoints => _setpoints;

    /// <summary>Controllers heard from a site for the first time since the writer started (or from another site than before).</summary>
    public IReadOnlyList<ControllerSite> Sites => _sites;

    /// <summary>Controllers that went online or offline (kept where several workers share the database, for the other nodes' boards).</summary>
    public IReadOnlyList<ControllerPresenceNote> Presence => _presence;

    /// <summary>
    /// Records of sessions that reached an end status (completed, aborted, voided) in this batch:
    /// each <see cref="ISessionEndParticipant"/> writes its part in the same transaction.
    /// </summary>
    public IReadOnlyList<ScalpCoolingSessionRecord> EndedSessions => _ended;

    /// <summary>Stored messages no session had taken that a session started late takes now (written after the new sessions).</summary>
    public IReadOnlyList<AdoptedMessage> Adopted => _adopted;
    /// <summary>
    /// Records of sessions that had ended and changed in this batch (a late CAP_OFF or sample, a nurse's
    /// documentation after the end; not a void: a void is an end): each <see cref="ISessionEndParticipant"/>
    /// may write a correction in the same transaction.
    /// </summary>
    public IReadOnlyList<ScalpCoolingSessionRecord> ChangedAfterEnd => _changedAfterEnd;

    /// <summary>
    /// Answers to the accepted nurse actions other nodes sent this worker (<see cref="INurseCommandRelay"/>), written in the
    /// batch's transaction: an action and its answer are committed together, so a standby that takes the action up after
    /// this worker died finds it answered and never runs it again.
    /// </summary>
    public IReadOnlyList<RelayedAnswer> Answers => _answers;

    /// <summary>What of each session's record was given to the session-end participants in this batch (the latest per session).</summary>
    public IReadOnlyCollection<SessionReported> Reported => _reported.Values;

    /// <summary>Items that count towards the batch size (samples and other inputs).</summary>
    public int Count => _telemetry.Count + _inputs.Count;

    public bool IsEmpty => Count == 0 && _started.Count == 0 && _statuses.Count == 0 && _controllers.Count == 0 && _setpoints.Count == 0 && _adopted.Count == 0 && _sites.Count == 0 && _presence.Count == 0 && _reported.Count == 0;

    public void Add(in StoredTelemetry telemetry) => _telemetry.Add(telemetry);

    public void Add(StoredInput input) => _inputs.Add(input);

    public void Add(NurseAuditEntry entry) => _audit.Add(entry);

    public void Add(StartedSession session) => _started.Add(session);

    public void Add(ControllerSighting sighting) => _controllers.Add(sighting);

    public void Add(ControllerSetpointReport setpoint) => _setpoints.Add(setpoint);

    public void Add(ControllerSite site) => _sites.Add(site);

    public void Add(ControllerPresenceNote presence) => _presence.Add(presence);

    public void SetStatus(SessionStatusChange change) => _statuses[change.SessionId] = change;

    public void AddEnded(ScalpCoolingSessionRecord record) => _ended.Add(record);

    public void Add(AdoptedMessage adopted) => _adopted.Add(adopted);

    public void AddChangedAfterEnd(ScalpCoolingSessionRecord record) => _changedAfterEnd.Add(record);

    public void Add(RelayedAnswer answer) => _answers.Add(answer);

    public void SetReported(SessionReported reported) => _reported[reported.SessionId] = reported;

    public void Clear()
    {
        _telemetry.Clear();
        _inputs.Clear();
        _audit.Clear();
        _started.Clear();
        _statuses.Clear();
        _controllers.Clear();
        _setpoints.Clear();
        _sites.Clear();
        _presence.Clear();
        _ended.Clear();
        _adopted.Clear();
        _changedAfterEnd.Clear();
        _answers.Clear();
        _reported.Clear();
    }
}
