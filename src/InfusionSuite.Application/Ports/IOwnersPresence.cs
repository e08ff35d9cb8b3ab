namespace InfusionSuite.Application.Ports;

/// <summary>
/// Which controllers the live owners of their sites hear now, on a database several workers share (only the owner's link
/// hears a site's controllers): read from the database, so every node's board agrees with the owner's. Empty for a single suite.
/// </summary>
public interface IOwnersPresence
{
    /// <summary>The controllers a live owner reports, online or not.</summary>
    IReadOnlyCollection<string> KnownControllers();

    /// <summary>True when a live owner reports the controller, online or not (the owner admitted it).</summary>
    bool Reports(string controllerId);

    bool IsOnline(string controllerId);
}
