using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Storage.Tests;

/// <summary>
/// Several workers on one PostgreSQL database: each site has one owner at a time, through a lease with a fencing
/// number that every batch checks. A standby waits for the owner's lease; a worker whose lease was taken over is
/// refused and writes nothing.
/// </summary>
public sealed class SiteLeaseTests
{
    private static readonly DateTimeOffset Nine = Sessions.Nine;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 60_000)]
    public async Task SecondWorker_WaitsAsStandby_AndTakesTheSiteWhenTheOwnerStops()
    {
        await using var owner = StoreFixture.PostgreSqlWorker("north");
        await owner.OpenAsync();
        await using var standby = owner.AnotherWorkerOnTheSameDatabase("north");

        var waiting = standby.OpenAsync();
        var first = await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(1)));
        Assert.NotSame(waiting, first); // the owner's lease lasts a minute: the standby waits for it
        Assert.False(standby.Services.GetRequiredService<IWriterLease>().WaitUntilHeldAsync(CancellationToken.None).IsCompleted);

        await ((IAsyncDisposable)owner.Store).DisposeAsync(); // a graceful stop releases the lease at once
        await waiting.WaitAsync(Limit);

        Assert.Equal(standby.Worker, await LeaseOwnerAsync(standby, "north"));
        Assert.Equal(2L, await standby.ScalarAsync("SELECT fence FROM site_leases WHERE site = 'north'"));
    }

    [Fact(Timeout = 60_000)]
    public async Task WorkerWhoseLeaseWasTakenOver_IsRefusedAtCommit_AndNothingOfItsBatchLands()
    {
        await using var stalled = StoreFixture.PostgreSqlWorker("north");
        await stalled.OpenAsync();
        await stalled.Store.CommitAsync(OneSample("CHAIR-01", 1), CancellationToken.None);

        // The owner stalls past its lease (a pause, a network partition): it runs out, and a standby takes the site.
        await stalled.ExecuteAsync("UPDATE site_leases SET expires_at = clock_timestamp() - interval '1 second'");
        await using var standby = stalled.AnotherWorkerOnTheSameDatabase("north");
        await standby.OpenAsync().WaitAsync(Limit);

        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => stalled.Store.CommitAsync(OneSample("CHAIR-01", 2), CancellationToken.None));
        Assert.Contains("lost the lease of site north", refused.Message, StringComparison.Ordinal);
        await standby.Store.CommitAsync(OneSample("CHAIR-01", 3), CancellationToken.None);

        Assert.Equal(0L, await standby.ScalarAsync("SELECT count(*) FROM telemetry WHERE seq = 2"));
        Assert.Equal(2L, await standby.ScalarAsync("SELECT count(*) FROM telemetry"));
        Assert.Equal(2L, await standby.ScalarAsync("SELECT fence FROM site_leases WHERE site = 'north'"));
    }

    [Fact(Timeout = 60_000)]
    public async Task SitesSpreadOverWorkers_EachOwnsItsOwn_AndAWorkerMayOwnSeveral()
    {
        await using var both = StoreFixture.PostgreSqlWorker("north", "south");
        await both.OpenAsync();
        await using var east = both.AnotherWorkerOnTheSameDatabase("east");
        await east.OpenAsync().WaitAsync(Limit); // another site: no waiting

        await both.Store.CommitAsync(OneSample("CHAIR-01", 1), CancellationToken.None);
        await east.Store.CommitAsync(OneSample("CHAIR-02", 2), CancellationToken.None);

        Assert.Equal(both.Worker, await LeaseOwnerAsync(both, "north"));
        Assert.Equal(both.Worker, await LeaseOwnerAsync(both, "south"));
        Assert.Equal(east.Worker, await LeaseOwnerAsync(both, "east"));
        Assert.Equal(2L, await both.ScalarAsync("SELECT count(*) FROM telemetry"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Renewal_KeepsTheLease_AndFailsOnceTakenOver()
    {
        await using var owner = StoreFixture.PostgreSqlWorker("north");
        await owner.OpenAsync();
        var leases = ((PostgreSqlConnections)owner.Services.GetRequiredService<DatabaseConnections>()).Leases;
        Assert.True(await leases.RenewAsync(CancellationToken.None));

        await owner.ExecuteAsync("UPDATE site_leases SET expires_at = clock_timestamp() - interval '1 second'");
        await using var standby = owner.AnotherWorkerOnTheSameDatabase("north");
        await standby.OpenAsync().WaitAsync(Limit);

        Assert.False(await leases.RenewAsync(CancellationToken.None));
    }

    [Fact(Timeout = 60_000)]
    public async Task OutboxOfSeveralOwners_IsDispatchedByOne_AndAnotherTakesOverWhenItStopsLooking()
    {
        await using var north = StoreFixture.PostgreSqlWorker("north");
        await north.OpenAsync();
        await using var south = north.AnotherWorkerOnTheSameDatabase("south");
        await south.OpenAsync().WaitAsync(Limit);
        await using var standby = north.AnotherWorkerOnTheSameDatabase("north");
        var northOutbox = north.Services.GetRequiredService<IOutbox>();
        var southOutbox = south.Services.GetRequiredService<IOutbox>();
        await northOutbox.EnqueueAsync(Item(), CancellationToken.None);

        Assert.Single(await northOutbox.TakeDueAsync("application/fhir+json", Nine, 10, CancellationToken.None));
        Assert.Empty(await southOutbox.TakeDueAsync("application/fhir+json", Nine, 10, CancellationToken.None));
        Assert.Empty(await standby.Services.GetRequiredService<IOutbox>().TakeDueAsync("application/fhir+json", Nine, 10, CancellationToken.None));
        Assert.Single(await northOutbox.TakeDueAsync("application/fhir+json", Nine, 10, CancellationToken.None));

        // north stops looking for longer than the lease (stopped, stalled): south takes the outbox over.
        await north.ExecuteAsync("UPDATE site_leases SET expires_at = clock_timestamp() - interval '1 second' WHERE site = '#outbox'");
        Assert.Single(await southOutbox.TakeDueAsync("application/fhir+json", Nine, 10, CancellationToken.None));
        Assert.Empty(await northOutbox.TakeDueAsync("application/fhir+json", Nine, 10, CancellationToken.None));
    }

    [Fact(Timeout = 60_000)]
    public async Task OutboxFencingNumber_StaysAtEveryDispatchPass_AndMovesOnlyWhenAnotherOwnerTakesIt()
    {
        await using var north = StoreFixture.PostgreSqlWorker("north");
        await north.OpenAsync();
        await using var south = north.AnotherWorkerOnTheSameDatabase("south");
        await south.OpenAsync().WaitAsync(Limit);
        var northOutbox = north.Services.GetRequiredService<IOutbox>();
        const string fence = "SELECT fence FROM site_leases WHERE site = '#outbox'";

        for (var pass = 0; pass < 5; pass++)
        {
            await northOutbox.TakeDueAsync("application/fhir+json", Nine, 10, CancellationToken.None);
        }

        Assert.Equal(1L, await north.ScalarAsync(fence));
        Assert.Equal(north.Worker, await LeaseOwnerAsync(north, "#outbox"));

        // Run out but taken by nobody: still north's, renewed under the same number.
        await north.ExecuteAsync("UPDATE site_leases SET expires_at = clock_timestamp() - interval '1 second' WHERE site = '#outbox'");
        await northOutbox.TakeDueAsync("application/fhir+json", Nine, 10, CancellationToken.None);
        Assert.Equal(1L, await north.ScalarAsync(fence));

        // Taken by another owner: the number moves once, and stays while south dispatches.
        await north.ExecuteAsync("UPDATE site_leases SET expires_at = clock_timestamp() - interval '1 second' WHERE site = '#outbox'");
        var southOutbox = south.Services.GetRequiredService<IOutbox>();
        for (var pass = 0; pass < 3; pass++)
        {
            await southOutbox.TakeDueAsync("application/fhir+json", Nine, 10, CancellationToken.None);
            await northOutbox.TakeDueAsync("application/fhir+json", Nine, 10, CancellationToken.None); // north looks too: it must not take it back
        }

        Assert.Equal(2L, await north.ScalarAsync(fence));
        Assert.Equal(south.Worker, await LeaseOwnerAsync(north, "#outbox"));
    }

    private static OutboxItem Item() => new()
    {
        Id = Guid.NewGuid(),
        SessionId = "s-1",
        Kind = OutboxItemKind.Session,
        ContentType = "application/fhir+json",
        Payload = "{}",
        EnqueuedAt = Nine,
        NextAttemptAt = Nine,
    };

    /// <summary>One sample; its place in the ingest order is its sequence number (a standby continues after the owner's last).</summary>
    private static IngestBatch OneSample(string controller, uint seq)
    {
        var batch = new IngestBatch();
        batch.Add(new StoredTelemetry(seq, Sessions.Telemetry(controller, seq, Nine.AddSeconds(seq)), Nine.AddSeconds(seq), null));
        return batch;
    }

    private static async Task<string> LeaseOwnerAsync(StoreFixture fixture, string site)
    {
        await using var connection = await fixture.Services.GetRequiredService<DatabaseConnections>().OpenAsync(CancellationToken.None);
        await using var command = connection.Command("SELECT owner FROM site_leases WHERE site = @site").With("@site", site);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
