using System.Diagnostics.Metrics;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// Meter <c>InfusionSuite.Storage</c>: <c>storage.site_leases.held</c>, per site of this worker's list (tag <c>site</c>, the
/// CCP/1 site name: no patient, session or controller), 1 while this worker owns it, 0 on a standby. Summed over the
/// workers, each site is 1 (one owner) except for the lease's length after an owner died.
/// </summary>
internal sealed class SiteLeaseMetrics(IMeterFactory meterFactory)
{
    public const string MeterName = "InfusionSuite.Storage";
    public const string HeldName = "storage.site_leases.held";

    /// <summary>Reports <paramref name="leases"/> from now on (called once, by the lease keeper at start).</summary>
    public void Observe(SiteLeases leases) =>
        meterFactory.Create(MeterName).CreateObservableGauge(
            HeldName,
            () => leases.Sites.Select(site => new Measurement<int>(leases.IsHeld ? 1 : 0, new KeyValuePair<string, object?>("site", site))),
            "{lease}",
            "Sites of this worker's list it owns now (1) or waits for as a standby (0), by site");
}
