namespace InfusionSuite.Application.Ports;

/// <summary>
/// Who owns each site on a database several workers share (the leases of <c>site_leases</c>), for operators: this worker's
/// name and list of sites, and every lease as the database holds it now. A single suite has none.
/// </summary>
public interface ISiteOwnership
{
    /// <summary>This worker's name in the lease table; null for a single suite (no leases).</summary>
    string? Worker { get; }

    /// <summary>The sites this worker may own (<c>*</c>: the whole database); empty for a single suite.</summary>
    IReadOnlyList<string> Sites { get; }

    /// <summary>Whether this worker holds the leases of all its sites now (it is their owner, not a standby).</summary>
    bool IsOwner { get; }

    /// <summary>Every lease in the database, by site (the outbox's dispatch lease included).</summary>
    Task<IReadOnlyList<SiteOwner>> OwnersAsync(CancellationToken cancellationToken);
}
