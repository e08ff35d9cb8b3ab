using System.Collections.Concurrent;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Board;

/// <summary>
/// Snapshots of each chair's current session, published by the writer after each commit (so
/// nothing unstored is ever shown) and read from any thread. The session clock waits on <see cref="Changed"/>.
/// </summary>
internal sealed class SessionBoard
{
    private readonly ConcurrentDictionary<string, ScalpCoolingSessionRecord> _byController = new(StringComparer.Ordinal);

    // Every session published since the start, by chair then session id: the latest record's use (the board shows only the latest per
    // chair). By chair, so that a board read looks at that chair's sessions only, never at every session since the start.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (DateTimeOffset At, TimeInterval? Voided)>> _uses = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _writerRecovered;
    private volatile bool _everySiteLoaded;

    /// <summary>
    /// Whether the board holds the sessions it shows: false after a start until the writer has rebuilt the open sessions
    /// from the store, or (a standby on a shared database, whose writer waits) until every site's open sessions were
    /// read back. Until then no chair is known to be free.
    /// </summary>
    public bool Loaded => _writerRecovered || _everySiteLoaded;

    public ICollection<ScalpCoolingSessionRecord> Records => _byController.Values;

    /// <summary>Completes at the next status change or new session.</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    public int OpenSessions => _byController.Values.Count(r => !IsEnded(r.Status));

    public bool TryGet(string controllerId, out ScalpCoolingSessionRecord record) =>
        _byController.TryGetValue(controllerId, out record!);

    public ScalpCoolingSessionRecord? Find(string sessionId) =>
        _byController.Values.FirstOrDefault(r => string.Equals(r.Plan.SessionId, sessionId, StringComparison.Ordinal));

    /// <summary>The writer rebuilt the open sessions it holds and published them.</summary>
    public void WriterRecovered()
    {
        _writerRecovered = true;
        Signal();
    }

    /// <summary>Every site's open sessions were read back from a shared store and published (a standby's board).</summary>
    public void EverySiteLoaded()
    {
        _everySiteLoaded = true;
        Signal();
    }

    /// <summary>How the chair's sessions since the start used it, every one of them, not only the latest the board shows (issue 13 trial).</summary>
    public ChairSessionUse UseOf(string controllerId)
    {
        if (!_uses.TryGetValue(controllerId, out var sessions))
        {
            return ChairSessionUse.None;
        }

        DateTimeOffset? last = null;
        List<TimeInterval> voided = [];
        foreach (var (at, span) in sessions.Values)
        {
            if (span is { } v)
            {
                voided.Add(v);
            }
            else if (last is null || at > last)
            {
                last = at;
            }
        }

        return last is null && voided.Count == 0 ? ChairSessionUse.None : new ChairSessionUse(last, voided);
    }

    public void Publish(ScalpCoolingSessionRecord record, bool signal)
    {
        ArgumentNullException.ThrowIfNull(record);
        _byController[record.Plan.ControllerId] = record;
        var ended = record.Boundaries.EndedAt ?? record.StartedAt;
        _uses.GetOrAdd(record.Plan.ControllerId, _ => new(StringComparer.Ordinal))[record.Plan.SessionId] = (record.AsOf,
            record.Status == SessionStatus.Voided ? new TimeInterval(record.StartedAt, ended > record.StartedAt ? ended : record.StartedAt) : null);
        if (signal)
        {
            Signal();
        }
    }

    private void Signal() =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public static bool IsEnded(SessionStatus status) => status.IsEnded();
}
