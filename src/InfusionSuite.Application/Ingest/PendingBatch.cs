using InfusionSuite.Application.Board;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// What the writer gathered since the last commit, and everyone waiting for it: each stored item
/// gets the next ingest sequence number; the controllers' acknowledgements and the nurses' answers
/// are held until <see cref="CommitAsync"/> has stored the batch, and only then given, in that
/// order: store, publish, answer the nurses, acknowledge the messages. Used by the writer's task only.
/// </summary>
internal sealed class PendingBatch(
    BatchCommitter committer,
    SessionRegistry registry,
    SessionBoard board,
    BoardNotifications notifications,
    ControllerReadings readings,
    TimeProvider timeProvider)
{
    private readonly IngestBatch _batch = new();
    private readonly HashSet<LiveSession> _touched = [];
    private readonly HashSet<LiveSession> _owing = [];
    private readonly List<(NurseCommand Command, LiveSession Session)> _replies = [];
    private readonly List<MessageAcknowledgement> _acks = [];
    private readonly Dictionary<string, string> _sites = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TelemetrySample Sample, DateTimeOffset ReceivedAt, CcpTransport Link)> _latest = new(StringComparer.Ordinal);
    private long _lastSeq;

    /// <summary>Items that count towards the batch size (samples and other inputs).</summary>
    public int Count => _batch.Count;

    /// <summary>An accepted nurse action waits for its answer: commit now.</summary>
    public bool NurseWaiting => _replies.Count > 0;

    /// <summary>When the earliest correction waiting for an upload to catch up is due, even if nothing arrives; null when none waits.</summary>
    public DateTimeOffset? CorrectionDueAt => _owing.Count == 0 ? null : _owing.Min(session => session.CorrectionDueAt);

    /// <summary>A report owed since before the writer's start: judged at each commit until it goes.</summary>
    public void Owe(LiveSession session) => _owing.Add(session);

    /// <summary>The ingest order goes on after the highest stored number.</summary>
    public void ContinueAfter(long lastIngestSeq) => _lastSeq = lastIngestSeq;

    /// <summary>
    /// A sample (new, not a duplicate) to show as the controller's latest reading once this batch is stored, whether
    /// or not a session takes it. The latest is the last sent, by the CCP/1 message counter within a boot (a stored
    /// sample uploaded late does not replace a live one; a clock step does not freeze the reading); a new boot wins.
    /// </summary>
    public void NoteReading(TelemetrySample sample, DateTimeOffset receivedAt, CcpTransport link)
    {
        if (!_latest.TryGetValue(sample.ControllerId, out var known) || ControllerReadings.IsLater(sample, known.Sample))
        {
            _latest[sample.ControllerId] = (sample, receivedAt, link);
        }
    }

    public void AddTelemetry(TelemetrySample sample, DateTimeOffset receivedAt, LiveSession? session)
    {
        _batch.Add(new StoredTelemetry(++_lastSeq, sample, receivedAt, session?.SessionId));
        Touch(session);
    }

    public void AddInput(LiveSession? session, string controllerId, SessionInput input)
    {
        _batch.Add(new StoredInput(++_lastSeq, session?.SessionId, controllerId, input));
        Touch(session);
    }

    public void AddSighting(ControllerSighting sighting) => _batch.Add(sighting);

    public void AddSetpoint(ControllerSetpointReport setpoint) => _batch.Add(setpoint);

    /// <summary>The site a controller's message came from: stored the first time this writer hears it (or a change).</summary>
    public void NoteSite(string controllerId, string site)
    {
        if (!_sites.TryGetValue(controllerId, out var known) || !string.Equals(known, site, StringComparison.Ordinal))
        {
            _sites[controllerId] = site;
            _batch.Add(new ControllerSite(controllerId, site));
        }
    }

    /// <summary>A controller went online or offline (the other nodes' boards show it as this writer heard it).</summary>
    public void NotePresence(ControllerPresenceNote presence) => _batch.Add(presence);

    /// <summary>A stored message no session had taken joins <paramref name="session"/>'s log, after its start.</summary>
    public void Adopt(long storedIngestSeq, LiveSession session)
    {
        _batch.Add(new AdoptedMessage(storedIngestSeq, ++_lastSeq, session.SessionId));
        Touch(session);
    }

    /// <summary>A new session, created before the inputs that refer to it.</summary>
    public void AddStarted(StartedSession started) => _batch.Add(started);

    /// <summary>
    /// An accepted nurse action: its input, its audit line (with <paramref name="note"/>, words for staff
    /// without patient data, when given) and the nurse's answer after the commit.
    /// </summary>
    public void AddNurseAction(NurseCommand command, LiveSession session, NurseAction action, SessionStatus? before, string? note = null)
    {
        var seq = ++_lastSeq;
        var after = session.Session.Status!.Value;
        var change = NurseChange.Describe(action, before, after);
        _batch.Add(new StoredInput(seq, session.SessionId, session.ControllerId, action));
        _batch.Add(new NurseAuditEntry(
            seq, session.SessionId, action.Kind, action.NurseId, action.ReceivedAt, action.EffectiveInstant, before, after,
            note is null ? change : change + "; " + note));
        Touch(session);
        _replies.Add((command, session));
        if (command.RelayedCommandId is { } relayed)
        {
            _batch.Add(new RelayedAnswer(relayed, new RelayedNurseAnswer(NurseActionOutcome.Accepted, RefusalReason.None, "Recorded.", session.SessionId, null)));
        }
    }

    /// <summary>The message is acknowledged once this batch is stored (or at once, after it, if it added nothing).</summary>
    public void AcknowledgeAfterCommit(MessageAcknowledgement acknowledgement) => _acks.Add(acknowledgement);

    /// <summary>
    /// Stores the batch in one transaction (with retries; throws when they are spent, and then
    /// nothing is acknowledged and nobody told "recorded"), then publishes the sessions, answers the
    /// nurses, acknowledges the messages and starts a new batch.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var session in _touched)
        {
            session.NoteStatusChange(_batch, now);
        }

        // Reports that waited for an upload to catch up go when it has (or when it went quiet).
        foreach (var session in _owing)
        {
            if (!_touched.Contains(session))
            {
                session.NoteStatusChange(_batch, now);
            }
        }

        _owing.RemoveWhere(session => !session.CorrectionOwed);
        _owing.UnionWith(_touched.Where(session => session.CorrectionOwed));
        if (!_batch.IsEmpty || _batch.ChangedAfterEnd.Count > 0)
        {
            await committer.CommitAsync(_batch, cancellationToken);
        }

        Publish();
        foreach (var (command, session) in _replies)
        {
            command.Complete(NurseActionResult.Accepted(session.SessionId, session.Session.ToRecord()));
        }

        _replies.Clear();
        _touched.Clear();
        _batch.Clear();
        foreach (var ack in _acks)
        {
            await ack.AcknowledgeAsync(cancellationToken);
        }

        _acks.Clear();
    }

    /// <summary>The writer stopped: nurses waiting for a commit get the error, not a false "recorded".</summary>
    public void FailReplies(Exception exception)
    {
        foreach (var (command, _) in _replies)
        {
            command.Fail(exception);
        }

        _replies.Clear();
    }

    private void Touch(LiveSession? session)
    {
        if (session is not null)
        {
            _touched.Add(session);
        }
    }

    private void Publish()
    {
        foreach (var (controllerId, (sample, receivedAt, link)) in _latest)
        {
            readings.PublishIfLater(new ControllerReading(sample, receivedAt, link, registry.LastSetpoint(controllerId)?.Setpoint));
        }

        _latest.Clear();
        var now = timeProvider.GetUtcNow();
        foreach (var session in _touched)
        {
            var record = session.Session.ToRecord();
            var change = session.TakeStatusChange(now, record);
            if (registry.IsCurrent(session))
            {
                board.Publish(record, signal: change is not null);
            }

            if (change is not null)
            {
                notifications.Publish(change);
            }
        }
    }
}
