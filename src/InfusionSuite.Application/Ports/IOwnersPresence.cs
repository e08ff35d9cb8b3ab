namespace InfusionSuite.Application.Ports;

/// <summary>
/// Which controllers the owners of their sites hear, on a database several workers share (only the owner's link hears a
/// site's controllers): read from the database, so every node's board agrees with the owner's. Empty for a single suite.
/// </summary>
public interface IOwnersPresence
{
    /// <summary>
    /// The controllers an owner reports, online or not: the live owners' reports, and for the suite's day those an owner left
    /// when it lost its site (they stay known, offline, across a takeover).
    /// </summary>
    IReadOnlyCollection<string> KnownControllers();

    /// <summary>True when an owner reports the controller, online or not (<see cref="KnownControllers"/>: an owner admitted it).</summary>
    bool Reports(string controllerId);

    /// <summary>True when the live owner of the controller's site hears it now.</summary>
    bool IsOnline(string controllerId);

    /// <summary>
    /// True when the controller's latest report was written under a lease that is no longer live (its owner died, stopped,
    /// lost the database for longer than the lease, or was taken over), for the handover time after this node first read it
    /// so: the new owner (or the same one, renewing) has not reported it yet. After that time it is offline.
    /// </summary>
    bool InHandover(string controllerId);
}
