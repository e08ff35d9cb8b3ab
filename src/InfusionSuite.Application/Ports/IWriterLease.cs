namespace InfusionSuite.Application.Ports;

/// <summary>
/// This process's right to write what its controllers say. Always held for a single suite (one SQLite file,
/// one service); on PostgreSQL it is the lease of each site the worker owns, held by one worker at a time.
/// The controller links connect only once it is held, so a standby never takes a site's broker session
/// (its MQTT client id) away from the site's owner.
/// </summary>
public interface IWriterLease
{
    /// <summary>Whether this process holds the right to write now (false on a standby worker).</summary>
    bool IsHeld { get; }

    /// <summary>Completes when this process holds the right to write (at once when nothing is shared).</summary>
    Task WaitUntilHeldAsync(CancellationToken cancellationToken);
}
