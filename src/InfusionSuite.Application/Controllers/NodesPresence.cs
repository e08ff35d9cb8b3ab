using InfusionSuite.Application.Ports;

namespace InfusionSuite.Application.Controllers;

/// <summary>
/// What this node hears itself (its own links) together with what the owners of the other sites report
/// (<see cref="IOwnersPresence"/>): a node hears only the controllers of the sites it owns, so the two never disagree on one.
/// </summary>
public sealed class NodesPresence(IControllerPresence local, IOwnersPresence owners) : IControllerPresence
{
    public IReadOnlyList<string> KnownControllers()
    {
        var heard = local.KnownControllers();
        var reported = owners.KnownControllers();
        return reported.Count == 0 ? heard : [.. heard.Union(reported, StringComparer.Ordinal)];
    }

    public bool IsOnline(string controllerId) => local.IsOnline(controllerId) || owners.IsOnline(controllerId);

    /// <summary>Not heard here (online or gone) and its owner's report is in handover (<see cref="IOwnersPresence.InHandover"/>).</summary>
    public bool InHandover(string controllerId) =>
        !local.IsOnline(controllerId) && owners.InHandover(controllerId) && !local.KnownControllers().Contains(controllerId, StringComparer.Ordinal);
}
