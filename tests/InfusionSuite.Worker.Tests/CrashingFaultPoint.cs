using InfusionSuite.Application.Ingest;
using InfusionSuite.Application.Ports;

namespace InfusionSuite.Worker.Tests;

/// <summary>
/// Makes the writer die at a chosen batch: before its commit (received, not stored) or after it
/// (stored, not acknowledged). Once dead, every later commit fails too, so nothing more is stored
/// or acknowledged until the host is gone — as after a kill.
/// </summary>
internal sealed class CrashingFaultPoint : IIngestFaultPoint
{
    private readonly TaskCompletionSource _crashed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<IngestBatch, bool> CrashBeforeCommit { get; init; } = _ => false;

    public Func<IngestBatch, bool> CrashAfterCommit { get; init; } = _ => false;

    public Task Crashed => _crashed.Task;

    public bool Dead { get; private set; }

    /// <summary>Dies at the next commit.</summary>
    public void DieNow() => Dead = true;

    public ValueTask BeforeCommitAsync(IngestBatch batch, CancellationToken cancellationToken) => Check(Dead || CrashBeforeCommit(batch), "before commit");

    public ValueTask AfterCommitAsync(IngestBatch batch, CancellationToken cancellationToken) => Check(CrashAfterCommit(batch), "after commit");

    private ValueTask Check(bool crash, string where)
    {
        if (!crash)
        {
            return ValueTask.CompletedTask;
        }

        Dead = true;
        _crashed.TrySetResult();
        throw new IOException("Simulated crash " + where + ".");
    }
}
