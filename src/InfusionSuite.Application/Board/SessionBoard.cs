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
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ICollection<ScalpCoolingSessionRecord> Records => _byController.Values;

    /// <summary>Completes at the next status change or new session.</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    public int OpenSessions => _byController.Values.Count(r => !IsEnded(r.Status));

    public bool TryGet(string controllerId, out ScalpCoolingSessionRecord record) =>
        _byController.TryGetValue(controllerId, out record!);

    public ScalpCoolingSessionRecord? Find(string sessionId) =>
        _byController.Values.FirstOrDefault(r => string.Equals(r.Plan.SessionId, sessionId, StringComparison.Ordinal));

    public void Publish(ScalpCoolingSessionRecord record, bool signal)
    {
        _byController[record.Plan.ControllerId] = record;
        if (signal)
        {
            Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    public static bool IsEnded(SessionStatus status) => status.IsEnded();
}
