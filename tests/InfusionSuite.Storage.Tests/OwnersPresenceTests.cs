using InfusionSuite.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Storage.Tests;

/// <summary>
/// What the owners of the sites report of their controllers, as every node reads it from <c>controller_presence</c>: online only
/// under a live lease; a report left by an owner that lost its site (killed, taken over) still makes the controller known,
/// offline, for the suite's day (issue 18's trial: after a takeover the new owner's urgency strip dropped the chairs gone
/// offline until its own link heard of them).
/// </summary>
public sealed class OwnersPresenceTests
{
    [Fact(Timeout = 60_000)]
    public async Task ReportsUnderALiveLease_CountAsHeard_ThoseOfALostLease_AreKnownOfflineForTheSuitesDay()
    {
        await using var node = StoreFixture.PostgreSqlWorker("north");
        await node.OpenAsync();
        await node.ExecuteAsync(
            "INSERT INTO site_leases (site, owner, fence, expires_at) VALUES " +
            "('east', 'worker-a', 3, clock_timestamp() + interval '1 minute'), " + // worker-a took east over from worker-b (fence 2)
            "('west', 'worker-c', 1, clock_timestamp() - interval '1 second')");  // west's owner died: its lease ran out
        await node.ExecuteAsync(
            "INSERT INTO controller_presence (controller_id, worker, lease_site, fence, online, changed_at) VALUES " +
            "('E-HEARD', 'worker-a', 'east', 3, true, clock_timestamp()), " +                                // the new owner hears it
            "('E-QUIET', 'worker-a', 'east', 3, false, clock_timestamp()), " +                               // the new owner heard it go
            "('E-GONE', 'worker-b', 'east', 2, false, clock_timestamp() - interval '10 minutes'), " +        // the dead owner saw it go
            "('E-WAS-ON', 'worker-b', 'east', 2, true, clock_timestamp() - interval '2 hours'), " +          // on when its owner died
            "('E-RETIRED', 'worker-b', 'east', 2, false, clock_timestamp() - interval '13 hours'), " +       // gone long before
            "('W-ON', 'worker-c', 'west', 1, true, clock_timestamp() - interval '1 minute')");               // its owner's lease ran out

        var reports = await OwnersPresenceReader.ReadAsync(node.Services.GetRequiredService<PostgreSqlConnections>(), CancellationToken.None);
        var presence = new OwnersPresence(TimeProvider.System);
        Assert.True(presence.Replace(reports));
        Assert.False(presence.Replace(reports)); // the same read changes nothing

        Assert.Equal(["E-GONE", "E-HEARD", "E-QUIET", "E-WAS-ON", "W-ON"], presence.KnownControllers().Order(StringComparer.Ordinal));
        Assert.True(presence.IsOnline("E-HEARD"));
        Assert.All(new[] { "E-QUIET", "E-GONE", "E-WAS-ON", "W-ON", "E-RETIRED" }, id => Assert.False(presence.IsOnline(id), id));
        Assert.True(presence.Reports("E-QUIET")); // the live owner admitted it
        Assert.True(presence.Reports("E-GONE"));  // the owner before it did
        Assert.False(presence.Reports("E-RETIRED"));
    }

    /// <summary>
    /// A report whose lease stopped being live is in handover (neither online nor offline: no alarm) for a short time after this
    /// node first read it so, then offline; a live report ends it (issue 18 trial: a planned failover, and a database outage
    /// longer than the lease, put "Controller offline" on every chair for about 2 s).
    /// </summary>
    [Fact]
    public void ReportWhoseLeaseStoppedBeingLive_IsInHandoverForAShortTime_ThenOffline_ALiveReportEndsIt()
    {
        var clock = new FakeTimeProvider(Sessions.Nine);
        var presence = new OwnersPresence(clock);
        presence.Replace(new Dictionary<string, OwnerReport> { ["N-01"] = new(Online: true, Live: true) });
        Assert.True(presence.IsOnline("N-01"));
        Assert.False(presence.InHandover("N-01"));

        presence.Replace(new Dictionary<string, OwnerReport> { ["N-01"] = new(Online: true, Live: false) }); // its owner stopped
        Assert.False(presence.IsOnline("N-01"));
        Assert.True(presence.InHandover("N-01"));
        clock.Advance(OwnersPresence.Handover - TimeSpan.FromSeconds(1));
        presence.Replace(new Dictionary<string, OwnerReport> { ["N-01"] = new(Online: true, Live: false) }); // read again: still the same handover
        Assert.True(presence.InHandover("N-01"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(presence.InHandover("N-01")); // nobody has heard it since: offline
        Assert.False(presence.IsOnline("N-01"));

        presence.Replace(new Dictionary<string, OwnerReport> { ["N-01"] = new(Online: true, Live: true) }); // the new owner hears it
        Assert.True(presence.IsOnline("N-01"));
        presence.Replace(new Dictionary<string, OwnerReport> { ["N-01"] = new(Online: true, Live: false) }); // a second failover
        Assert.True(presence.InHandover("N-01"));
        Assert.False(presence.InHandover("N-UNKNOWN"));
    }
}
