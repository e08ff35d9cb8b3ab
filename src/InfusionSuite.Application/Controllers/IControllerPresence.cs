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
}
