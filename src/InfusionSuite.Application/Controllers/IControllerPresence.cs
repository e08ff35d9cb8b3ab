namespace InfusionSuite.Application.Controllers;

/// <summary>
/// Which controllers are known and which of them are online now (CCP/1 section 4). The controller
/// links keep it; the chair board reads it.
/// </summary>
public interface IControllerPresence
{
    /// <summary>Every controller heard since start, online or not.</summary>
    IReadOnlyList<string> KnownControllers();

    bool IsOnline(string controllerId);

    /// <summary>
    /// True while who hears the controller is changing hands (its site's owner lost its lease, and no live owner, this node
    /// included, has heard it since): it is neither online nor known to be offline, so its silence is no alarm yet (issue 18
    /// trial: a planned failover put "Controller offline" on every chair for 2 s). False on a single suite.
    /// </summary>
    bool InHandover(string controllerId) => false;
}
