using InfusionSuite.Application.Board;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using DeviceHello = InfusionSuite.Application.Controllers.ControllerHelloReceived;
using DeviceTelemetry = InfusionSuite.Application.Controllers.TelemetryReceived;
using InputHello = InfusionSuite.Domain.Sessions.Inputs.ControllerHelloReceived;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// The writer's state: each controller's current session (open, or ended but still taking late
/// messages), the pending batch and the answers waiting for its commit. Used by one task only.
/// </summary>
internal sealed class IngestRouter(
    IIngestStore store,
    SessionBoard board,
    BoardNotifications notifications,
    IngestMetrics metrics,
    IDuplicateMessageCounter duplicates,
    SessionPolicySource policies,
    TimeProvider timeProvider)
{
    private readonly Dictionary<string, LiveSession> _byController = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LiveSession> _bySession = new(StringComparer.Ordinal);
    private readonly HashSet<LiveSession> _touched = [];
    private readonly List<(NurseCommand Command, LiveSession Session)> _replies = [];
    private long _lastSeq;

    public IngestBatch Batch { get; } = new();

    /// <summary>An accepted nurse action waits for its commit: commit now.</summary>
    public bool FlushRequested => _replies.Count > 0;

    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var window = policies.Current.SameMomentWindow;
        var recovery = await store.OpenAsync(timeProvider.GetUtcNow() - window, cancellationToken);
        _lastSeq = recovery.LastIngestSeq;
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
        return recovery.Sessions.Count;
    }

    public void Handle(ControllerMessage message)
    {
        var receivedAt = Instants.ToStored(message.ReceivedAt);
        switch (message)
        {
            case DeviceTelemetry telemetry:
                metrics.Message(IngestKind.Telemetry);
                HandleTelemetry(telemetry, receivedAt);
                break;
            case ControllerEventReceived controllerEvent:
                metrics.Message(IngestKind.Event);
                HandleInput(message, new DeviceEventReceived(receivedAt, controllerEvent.Event), keepUnassigned: true);
                break;
            case DeviceHello hello:
                metrics.Message(IngestKind.Hello);
                Batch.Add(new ControllerSighting(hello.Hello, receivedAt));
                HandleInput(message, new InputHello(receivedAt, hello.Hello), keepUnassigned: false);
                break;
            case ControllerPresenceChanged presence:
                metrics.Message(IngestKind.Presence);
                SessionInput input = presence.Online ? new ControllerCameOnline(receivedAt) : new ControllerWentOffline(receivedAt);
                HandleInput(message, input, keepUnassigned: false);
                break;
        }
    }

    public async Task HandleAsync(NurseCommand command, CancellationToken cancellationToken)
    {
        var receivedAt = Instants.ToStored(timeProvider.GetUtcNow());
        if (command.Start is { } start)
        {
            await StartAsync(command, start, receivedAt, cancellationToken);
            return;
        }

        var sessionId = command.SessionId!;
        if (!_bySession.TryGetValue(sessionId, out var live))
        {
            var stored = await store.LoadSessionAsync(sessionId, cancellationToken);
            if (stored is null)
            {
                command.Complete(NurseActionResult.NotFound(sessionId));
                return;
            }

            live = Rebuild(stored);
        }

        var action = Normalise(command.Build!(receivedAt));
        Apply(command, live, action);
    }

    /// <summary>Notes status changes (and ended records for <see cref="ISessionEndParticipant"/>s) before the commit.</summary>
    public void CollectStatusChanges()
    {
        foreach (var live in _touched)
        {
            var status = live.Session.Status;
            if (status is null || status == live.StoredStatus)
            {
                continue;
            }

            var record = live.Session.ToRecord();
            var ended = SessionBoard.IsEnded(status.Value);
            var endedAt = record.Boundaries.EndedAt ?? (ended ? record.AsOf : null);
            Batch.SetStatus(new SessionStatusChange(live.SessionId, status.Value, endedAt));
            // A void after the end is an end of its own: the EHR must hear of it.
            if (ended && (!live.Ended || status == SessionStatus.Voided))
            {
                Batch.AddEnded(record);
            }

            live.StatusBeforeBatch = live.StoredStatus;
            live.StoredStatus = status;
            live.StatusChanged = true;
        }
    }

    /// <summary>After the commit: publish what is now stored, answer the nurses, start a new batch.</summary>
    public void Committed()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var live in _touched)
        {
            var record = live.Session.ToRecord();
            var current = _byController.TryGetValue(live.ControllerId, out var c) && ReferenceEquals(c, live);
            if (current)
            {
                board.Publish(record, live.StatusChanged);
            }

            if (live.StatusChanged)
            {
                notifications.Publish(new SessionStatusChanged(live.SessionId, live.ControllerId, now, live.StatusBeforeBatch, record.Status));
                live.StatusChanged = false;
            }
        }

        foreach (var (command, live) in _replies)
        {
            command.Complete(NurseActionResult.Accepted(live.SessionId, live.Session.ToRecord()));
        }

        _replies.Clear();
        _touched.Clear();
        Batch.Clear();
    }

    /// <summary>The writer stopped: nurses waiting for a commit get the error, not a false "recorded".</summary>
    public void FailPending(Exception exception)
    {
        foreach (var (command, _) in _replies)
        {
            command.Fail(exception);
        }

        _replies.Clear();
    }

    private void HandleTelemetry(DeviceTelemetry message, DateTimeOffset receivedAt)
    {
        var sample = message.Sample;
        if (_byController.TryGetValue(sample.ControllerId, out var live))
        {
            var outcome = live.Session.ApplyTelemetry(sample, receivedAt);
            if (outcome.IsAccepted)
            {
                Batch.Add(new StoredTelemetry(++_lastSeq, sample, receivedAt, live.SessionId));
                _touched.Add(live);
                return;
            }

            if (outcome.Disposition == InputDisposition.Duplicate)
            {
                duplicates.Duplicate(message.Transport);
                return;
            }
        }

        // No session took it: kept for engineers (a redelivered copy is ignored by the store's key).
        metrics.Unassigned();
        Batch.Add(new StoredTelemetry(++_lastSeq, sample, receivedAt, null));
    }

    private void HandleInput(ControllerMessage message, SessionInput input, bool keepUnassigned)
    {
        if (_byController.TryGetValue(message.ControllerId, out var live))
        {
            var outcome = live.Session.Apply(input);
            if (outcome.IsAccepted)
            {
                Batch.Add(new StoredInput(++_lastSeq, live.SessionId, message.ControllerId, input));
                _touched.Add(live);
                return;
            }

            if (outcome.Disposition == InputDisposition.Duplicate)
            {
                duplicates.Duplicate(message.Transport);
                return;
            }
        }

        if (keepUnassigned)
        {
            Batch.Add(new StoredInput(++_lastSeq, null, message.ControllerId, input));
        }
    }

    private async Task StartAsync(NurseCommand command, StartSessionRequest request, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var policy = policies.Current;
        if (Problem(request, policy) is { } problem)
        {
            command.Complete(NurseActionResult.Invalid(problem));
            return;
        }

        if (_byController.TryGetValue(request.ControllerId, out var running) && !running.Ended)
        {
            command.Complete(new NurseActionResult(
                NurseActionOutcome.ControllerInUse, RefusalReason.None, "Another session is running on this chair.", running.SessionId, null));
            return;
        }

        var sessionId = request.SessionId ?? Guid.CreateVersion7(receivedAt).ToString("N");
        if (_bySession.ContainsKey(sessionId) || (request.SessionId is not null && await store.LoadSessionAsync(sessionId, cancellationToken) is not null))
        {
            command.Complete(new NurseActionResult(
                NurseActionOutcome.Refused, RefusalReason.SessionAlreadyStarted, InputOutcome.Refused(RefusalReason.SessionAlreadyStarted).Text, sessionId, null));
            return;
        }

        var preset = request.RegimenPreset is null ? null : policy.Presets.First(p => p.Name == request.RegimenPreset);
        var plan = new SessionPlan(
            sessionId, request.CourseId, request.PatientReference, request.Administration, request.ControllerId,
            request.Targets ?? preset!.Targets, request.CapSize, request.FirstOfCourse,
            string.IsNullOrWhiteSpace(request.EncounterReference) ? null : request.EncounterReference.Trim());
        var live = new LiveSession(sessionId, request.ControllerId, new ScalpCoolingSession(policy));
        var action = new StartSession(receivedAt, request.NurseId, plan, Instants.ToStored(request.EffectiveAt));
        var outcome = live.Session.Apply(action);
        if (!outcome.IsAccepted)
        {
            command.Complete(NurseActionResult.From(outcome, sessionId, null));
            return;
        }

        Batch.Add(new StartedSession(plan, preset?.Name ?? "custom", action.EffectiveInstant, policy));
        if (_byController.TryGetValue(request.ControllerId, out var previous))
        {
            _bySession.Remove(previous.SessionId);
        }

        _byController[request.ControllerId] = live;
        _bySession[sessionId] = live;
        Stored(command, live, action, null);
    }

    private void Apply(NurseCommand command, LiveSession live, NurseAction action)
    {
        var before = live.Session.Status;
        var outcome = live.Session.Apply(action);
        if (!outcome.IsAccepted)
        {
            command.Complete(NurseActionResult.From(outcome, live.SessionId, live.Session.Status is null ? null : live.Session.ToRecord()));
            return;
        }

        Stored(command, live, action, before);
    }

    private void Stored(NurseCommand command, LiveSession live, NurseAction action, SessionStatus? before)
    {
        var seq = ++_lastSeq;
        var after = live.Session.Status!.Value;
        Batch.Add(new StoredInput(seq, live.SessionId, live.ControllerId, action));
        Batch.Add(new NurseAuditEntry(
            seq, live.SessionId, action.Kind, action.NurseId, action.ReceivedAt, action.EffectiveInstant, before, after, NurseChange.Describe(action, before, after)));
        _touched.Add(live);
        _replies.Add((command, live));
    }

    private static string? Problem(StartSessionRequest request, SessionPolicy policy)
    {
        if (string.IsNullOrWhiteSpace(request.NurseId) || string.IsNullOrWhiteSpace(request.ControllerId)
            || string.IsNullOrWhiteSpace(request.CourseId) || string.IsNullOrWhiteSpace(request.PatientReference))
        {
            return "Nurse, chair, course and patient are required.";
        }

        if (request.Targets is null && request.RegimenPreset is null)
        {
            return "Choose a regimen preset or give the targets.";
        }

        return request.RegimenPreset is { } name && !policy.Presets.Any(p => p.Name == name)
            ? "Unknown regimen preset."
            : null;
    }

    private static NurseAction Normalise(NurseAction action) =>
        action.EffectiveAt is { } effective ? action with { EffectiveAt = Instants.ToStored(effective) } : action;

    private static LiveSession Rebuild(StoredSession stored)
    {
        var session = new ScalpCoolingSession(stored.Policy);
        foreach (var input in stored.Log)
        {
            session.Apply(input);
        }

        return new LiveSession(stored.SessionId, stored.ControllerId, session) { StoredStatus = session.Status };
    }
}
