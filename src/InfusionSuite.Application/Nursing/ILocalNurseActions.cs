namespace InfusionSuite.Application.Nursing;

/// <summary>
/// This process's writer, never relayed: the owning worker applies a nurse action another node sent it
/// (<see cref="Ports.INurseCommandRelay"/>) and answers after its commit.
/// </summary>
public interface ILocalNurseActions
{
    /// <summary>
    /// Applies the action sent as <paramref name="relayedCommandId"/>. When it is stored, its answer is written in the
    /// same transaction (<see cref="Ports.IngestBatch.Answers"/>): an action is answered once, with what was committed,
    /// even when this worker dies right after the commit and a standby takes the action up again.
    /// </summary>
    Task<NurseActionResult> WriteAsync(NurseRequest request, long relayedCommandId, CancellationToken cancellationToken);
}
