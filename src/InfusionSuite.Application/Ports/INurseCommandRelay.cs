using InfusionSuite.Application.Nursing;

namespace InfusionSuite.Application.Ports;

/// <summary>
/// Where a nurse action is written. On a single suite always here; on a database several workers share, the
/// action on a chair of a site another worker owns goes to that worker (through the database) and its answer,
/// given after its commit, comes back.
/// </summary>
public interface INurseCommandRelay
{
    /// <summary>The owning worker's answer when another worker owns the chair's site; null when this process's writer takes it.</summary>
    Task<RelayedNurseAnswer?> SendAsync(NurseRequest request, CancellationToken cancellationToken);
}
