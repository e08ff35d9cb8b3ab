using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Application.Nursing;

/// <summary>
/// A nurse action waiting for the writer. The writer stamps the entry instant when it takes the
/// command (<see cref="Build"/> receives it), so the log's order and its instants agree.
/// </summary>
internal sealed class NurseCommand(string? sessionId, StartSessionRequest? start, Func<DateTimeOffset, NurseAction>? build, long? relayedCommandId = null)
{
    private readonly TaskCompletionSource<NurseActionResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Null for a start (the writer makes or checks the id).</summary>
    public string? SessionId => sessionId;

    public StartSessionRequest? Start => start;

    public Func<DateTimeOffset, NurseAction>? Build => build;

    /// <summary>The action another node sent (its <c>nurse_commands</c> id): the answer is stored with the action's commit.</summary>
    public long? RelayedCommandId => relayedCommandId;

    public Task<NurseActionResult> Completion => _completion.Task;

    public void Complete(NurseActionResult result) => _completion.TrySetResult(result);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
