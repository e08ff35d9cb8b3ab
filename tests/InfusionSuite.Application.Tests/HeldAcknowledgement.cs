using InfusionSuite.Application.Controllers;

namespace InfusionSuite.Application.Tests;

/// <summary>An acknowledgement a test can watch: <see cref="Done"/> completes when the writer acknowledges.</summary>
internal sealed class HeldAcknowledgement : MessageAcknowledgement
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => _done.Task;

    public bool IsDone => _done.Task.IsCompleted;

    public override ValueTask AcknowledgeAsync(CancellationToken cancellationToken)
    {
        _done.TrySetResult();
        return ValueTask.CompletedTask;
    }
}
