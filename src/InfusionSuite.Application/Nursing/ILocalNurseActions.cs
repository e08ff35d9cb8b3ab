namespace InfusionSuite.Application.Nursing;

/// <summary>
/// This process's writer, never relayed: the owning worker applies a nurse action another node sent it
/// (<see cref="Ports.INurseCommandRelay"/>) and answers after its commit.
/// </summary>
public interface ILocalNurseActions
{
    Task<NurseActionResult> WriteAsync(NurseRequest request, CancellationToken cancellationToken);
}
