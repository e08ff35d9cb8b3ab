using System.Globalization;
using InfusionSuite.Application.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InfusionSuite.Host.Health;

/// <summary>
/// Who owns each site (health system): this worker's role, and every lease in <c>site_leases</c> (owner, fencing number,
/// expiry, whether it is this node). Degraded when a site of this worker's list has no live owner (nobody stores its
/// controllers: the lease's length after an owner died, or no worker for it); never unhealthy, since a node serves nurses
/// whoever owns the sites. A single suite owns every controller.
/// </summary>
internal sealed class SiteOwnershipHealthCheck(ISiteOwnership ownership) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (ownership.Worker is not { } worker)
        {
            return HealthCheckResult.Healthy("One suite: this node owns every controller.");
        }

        IReadOnlyList<SiteOwner> owners;
        try
        {
            owners = await ownership.OwnersAsync(cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException)
        {
            return HealthCheckResult.Degraded("The site leases could not be read.", e);
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var owner in owners)
        {
            data[owner.Site] = new
            {
                owner = owner.Worker,
                thisNode = owner.Worker == worker,
                fence = owner.Fence,
                leaseUntil = owner.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                live = owner.Live,
            };
        }

        var sites = string.Join(", ", ownership.Sites);
        var unowned = ownership.Sites.Where(site => !owners.Any(o => o.Site == site && o.Live)).ToList();
        var role = ownership.IsOwner ? $"Worker {worker} owns {sites}." : $"Worker {worker} is a standby for {sites}.";
        return unowned.Count > 0
            ? HealthCheckResult.Degraded($"{role} No live owner for {string.Join(", ", unowned)}: nobody stores its controllers now.", data: data)
            : HealthCheckResult.Healthy(role, data);
    }
}
