using System.ComponentModel.DataAnnotations;

namespace InfusionSuite.Storage;

/// <summary>
/// Which sites this worker may own when several workers share one PostgreSQL database (<c>Storage:Leases</c>;
/// PostgreSql provider only). Each site is owned by one worker at a time through a lease in the database with
/// a fencing number that every write of the owner checks; a standby with the same sites takes them over when the
/// owner's lease runs out.
/// </summary>
public sealed class SiteLeaseOptions
{
    public const string SectionName = "Storage:Leases";

    /// <summary>
    /// The sites this worker owns (1–32 of <c>a-z 0-9 -</c> each, the CCP/1 site of the MQTT topics). The worker starts
    /// writing once it holds all of them; give a standby the same list. None: one lease for the whole database (<c>*</c>).
    /// </summary>
    public List<string> Sites { get; set; } = [];

    /// <summary>This worker's name in the lease table and the log (default: the machine's name and the process id). Unique per worker.</summary>
    [StringLength(128)]
    public string? Worker { get; set; }

    /// <summary>How long a lease lasts without renewal (renewed every third of it): the longest a site waits for its standby after its owner died (default 15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(15);
}
