using InfusionSuite.Application.Ports;

namespace InfusionSuite.Worker.Tests;

/// <summary>
/// The real store, made to die at a chosen batch: before its commit (received, not stored) or after
/// it (stored, not acknowledged). Once dead, every later commit fails too, so nothing more is stored
/// or acknowledged until the host is gone — as after a kill.
/// </summary>
internal sealed class CrashingStore
{
    private readonly TaskCompletionSource _crashed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<IngestBatch, bool> CrashBeforeCommit { get; init; } = _ => false;

    public Func<IngestBatch, bool> CrashAfterCommit { get; init; } = _ => false;

    public Task Crashed => _crashed.Task;

    public bool Dead { get; private set; }

    /// <summary>Dies at the next commit.</summary>
    public void DieNow() => Dead = true;

    /// <summary>The decorator around the host's own store.</summary>
    public IIngestStore Around(IIngestStore inner) => new Decorator(this, inner);

    private void Check(bool crash, string where)
    {
        if (!crash)
        {
            return;
        }

        Dead = true;
        _crashed.TrySetResult();
        throw new IOException("Simulated crash " + where + ".");
    }

    private sealed class Decorator(CrashingStore crashing, IIngestStore inner) : IIngestStore
    {
        public Task<IngestRecovery> OpenAsync(DateTimeOffset endedSince, CancellationToken cancellationToken) =>
            inner.OpenAsync(endedSince, cancellationToken);

        public async Task CommitAsync(IngestBatch batch, CancellationToken cancellationToken)
        {
            crashing.Check(crashing.Dead || crashing.CrashBeforeCommit(batch), "before commit");
            await inner.CommitAsync(batch, cancellationToken);
            crashing.Check(crashing.CrashAfterCommit(batch), "after commit");
        }

        public Task CloseAsync(CancellationToken cancellationToken) => inner.CloseAsync(cancellationToken);

        public Task<StoredSession?> LoadSessionAsync(string sessionId, CancellationToken cancellationToken) =>
            inner.LoadSessionAsync(sessionId, cancellationToken);

        public Task<int> PurgeUnassignedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
            inner.PurgeUnassignedAsync(olderThan, cancellationToken);

        public Task<IReadOnlyList<UnassignedMessage>> LoadUnassignedAsync(string controllerId, DateTimeOffset receivedSince, CancellationToken cancellationToken) =>
            inner.LoadUnassignedAsync(controllerId, receivedSince, cancellationToken);
    }
}
