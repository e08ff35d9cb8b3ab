using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Application.Tests;

/// <summary>
/// The store port in memory: each commit copies the batch (the writer reuses it). A test can hold
/// commits (<see cref="Hold"/>) to look at the moment between "received" and "stored", or make the
/// next commits fail.
/// </summary>
internal sealed class InMemoryIngestStore(TimeProvider clock) : IIngestStore, ISessionHistory
{
    private readonly Lock _gate = new();
    private readonly List<StoredTelemetry> _telemetry = [];
    private readonly List<StoredInput> _inputs = [];
    private readonly List<NurseAuditEntry> _audit = [];
    private readonly List<ScalpCoolingSessionRecord> _ended = [];
    private readonly List<ScalpCoolingSessionRecord> _corrections = [];
    private readonly Dictionary<string, StartedSession> _sessions = new(StringComparer.Ordinal);
    private readonly List<DateTimeOffset> _attempts = [];
    private readonly List<DateTimeOffset> _purges = [];
    private TaskCompletionSource? _held;
    private TaskCompletionSource? _heldAfter;
    private int _failures;
    private int _outages;

    /// <summary>Every record handed to the session-end participants as an end (ends and voids), in order.</summary>
    public IReadOnlyList<ScalpCoolingSessionRecord> Ended
    {
        get { lock (_gate) { return [.. _ended]; } }
    }

    /// <summary>Records of ended sessions that changed afterwards (<see cref="IngestBatch.ChangedAfterEnd"/>), in commit order.</summary>
    public IReadOnlyList<ScalpCoolingSessionRecord> Corrections
    {
        get { lock (_gate) { return [.. _corrections]; } }
    }

    /// <summary>Every commit that reached the store, failed or not.</summary>
    public int CommitAttempts
    {
        get { lock (_gate) { return _attempts.Count; } }
    }

    /// <summary>When (on the test clock) each commit reached the store.</summary>
    public IReadOnlyList<DateTimeOffset> AttemptTimes
    {
        get { lock (_gate) { return [.. _attempts]; } }
    }

    /// <summary>Commits that stored something.</summary>
    public int Commits { get; private set; }

    public IReadOnlyList<StoredTelemetry> Telemetry
    {
        get { lock (_gate) { return [.. _telemetry]; } }
    }

    public IReadOnlyList<StoredInput> Inputs
    {
        get { lock (_gate) { return [.. _inputs]; } }
    }

    public IReadOnlyList<NurseAuditEntry> Audit
    {
        get { lock (_gate) { return [.. _audit]; } }
    }

    /// <summary>Every stored ingest number, samples and other inputs alike, in the order they were stored.</summary>
    public IReadOnlyList<long> IngestSeqs
    {
        get { lock (_gate) { return [.. _telemetry.Select(t => t.IngestSeq).Concat(_inputs.Select(i => i.IngestSeq)).Order()]; } }
    }

    /// <summary>The cut-off of each purge of unassigned samples asked for.</summary>
    public IReadOnlyList<DateTimeOffset> PurgeCutoffs
    {
        get { lock (_gate) { return [.. _purges]; } }
    }

    /// <summary>Commits wait until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _held ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Release()
    {
        TaskCompletionSource? held;
        TaskCompletionSource? heldAfter;
        lock (_gate)
        {
            held = _held;
            _held = null;
            heldAfter = _heldAfter;
            _heldAfter = null;
        }

        held?.TrySetResult();
        heldAfter?.TrySetResult();
    }

    /// <summary>Commits store their batch, then wait until <see cref="Release"/> before returning (stored, not yet published).</summary>
    public void HoldAfterStoring()
    {
        lock (_gate)
        {
            _heldAfter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>The next <paramref name="count"/> commits throw and store nothing.</summary>
    public void FailNext(int count)
    {
        lock (_gate)
        {
            _failures = count;
        }
    }

    /// <summary>The next <paramref name="count"/> commits fail as a database that is away does (<see cref="SimulatedOutages"/>), storing nothing.</summary>
    public void FailNextWithOutage(int count)
    {
        lock (_gate)
        {
            _outages = count;
        }
    }

    /// <summary>What the store holds from before the writer starts (an empty database unless a test says otherwise).</summary>
    public IngestRecovery Recovery { get; set; } = new(0, []);

    public Task<IngestRecovery> OpenAsync(DateTimeOffset endedSince, CancellationToken cancellationToken) =>
        Task.FromResult(Recovery);

    public async Task CommitAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        Task? held;
        lock (_gate)
        {
            _attempts.Add(clock.GetUtcNow());
            held = _held?.Task;
        }

        if (held is not null)
        {
            await held.WaitAsync(cancellationToken);
        }

        lock (_gate)
        {
            if (_failures > 0)
            {
                _failures--;
                throw new IOException("Simulated storage failure.");
            }

            if (_outages > 0)
            {
                _outages--;
                throw new TimeoutException(SimulatedOutages.Message);
            }

            foreach (var started in batch.StartedSessions)
            {
                _sessions[started.Plan.SessionId] = started;
            }

            _telemetry.AddRange(batch.Telemetry);
            _inputs.AddRange(batch.Inputs);
            _audit.AddRange(batch.Audit);
            _ended.AddRange(batch.EndedSessions);
            _corrections.AddRange(batch.ChangedAfterEnd);
            foreach (var adopted in batch.Adopted)
            {
                var t = _telemetry.FindIndex(x => x.IngestSeq == adopted.StoredIngestSeq && x.SessionId is null);
                if (t >= 0)
                {
                    _telemetry[t] = _telemetry[t] with { IngestSeq = adopted.IngestSeq, SessionId = adopted.SessionId };
                }

                var i = _inputs.FindIndex(x => x.IngestSeq == adopted.StoredIngestSeq && x.SessionId is null);
                if (i >= 0)
                {
                    _inputs[i] = _inputs[i] with { IngestSeq = adopted.IngestSeq, SessionId = adopted.SessionId };
                }
            }

            Commits++;
            held = _heldAfter?.Task;
        }

        if (held is not null)
        {
            await held.WaitAsync(cancellationToken);
        }
    }

    public Task<StoredSession?> LoadSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_sessions.TryGetValue(sessionId, out var started))
            {
                return Task.FromResult<StoredSession?>(null);
            }

            var log = _telemetry.Where(t => t.SessionId == sessionId).Select(t => (t.IngestSeq, Input: (SessionInput)new TelemetryReceived(t.ReceivedAt, t.Sample)))
                .Concat(_inputs.Where(i => i.SessionId == sessionId).Select(i => (i.IngestSeq, i.Input)))
                .OrderBy(x => x.IngestSeq)
                .Select(x => x.Input)
                .ToList();
            return Task.FromResult<StoredSession?>(new StoredSession(sessionId, started.Plan.ControllerId, started.Policy, log));
        }
    }

    public Task<IReadOnlyList<UnassignedMessage>> LoadUnassignedAsync(string controllerId, DateTimeOffset receivedSince, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<UnassignedMessage> found =
            [
                .. _telemetry.Where(t => t.SessionId is null && t.Sample.ControllerId == controllerId && t.ReceivedAt >= receivedSince)
                    .Select(t => new UnassignedMessage(t.IngestSeq, new TelemetryReceived(t.ReceivedAt, t.Sample)))
                    .Concat(_inputs.Where(i => i.SessionId is null && i.ControllerId == controllerId && i.Input.ReceivedAt >= receivedSince)
                        .Select(i => new UnassignedMessage(i.IngestSeq, i.Input)))
                    .OrderBy(m => m.IngestSeq),
            ];
            return Task.FromResult(found);
        }
    }

    public Task CloseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<int> PurgeUnassignedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _purges.Add(olderThan);
        }

        return Task.FromResult(0);
    }

    public Task<IReadOnlyList<NurseAuditEntry>> AuditAsync(string sessionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<NurseAuditEntry>>([.. _audit.Where(a => a.SessionId == sessionId)]);
        }
    }

    /// <summary>How many samples are stored for the session.</summary>
    public int SampleCount(string sessionId)
    {
        lock (_gate)
        {
            return _telemetry.Count(t => t.SessionId == sessionId);
        }
    }
}
