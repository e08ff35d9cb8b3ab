using InfusionSuite.Application.Nursing;

namespace InfusionSuite.Application.Ports;

/// <summary>A single suite: every nurse action is written by this process's writer.</summary>
public sealed class NoNurseCommandRelay : INurseCommandRelay
{
    public Task<RelayedNurseAnswer?> SendAsync(NurseRequest request, CancellationToken cancellationToken) => Task.FromResult<RelayedNurseAnswer?>(null);
}
