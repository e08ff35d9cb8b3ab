using System.Net;
using System.Text.Json;
using InfusionSuite.Testing;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// An owner and its standby for site north on one PostgreSQL database, as a load balancer sees them: both serve nurses, so
/// both are ready; what only the owner does (its writer, its MQTT link) is named in the report, and failing it does not
/// take the owner's node out of the balancer.
/// </summary>
public sealed class StandbyNodeTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(5);

    private static readonly string[] FastLink =
        ["--Controllers:Mqtt:ConnectionCheckInterval=00:00:00.200", "--Controllers:Mqtt:KeepAlive=00:00:01", "--Controllers:Mqtt:ReconnectDelayMax=00:00:01"];

    [Fact(Timeout = 180_000)]
    public async Task StandbyIsReadyForTheLoadBalancer_AndAnOwnersBrokenLinkIsDegradedNotUnready()
    {
        var database = (await PostgreSqlCluster.SharedAsync()).NewDatabase();
        await SharedDatabaseWorkers.CreateAsync(database, Path.GetTempPath());
        await using var broker = await MosquittoBroker.StartAsync(CancellationToken.None);
        var owner = await SharedDatabaseWorkers.StartAsync("worker-a", database, broker, ["north"], LeaseDuration, FastLink);
        HostRun? standby = null;
        try
        {
            await owner.WaitForOutputAsync("MQTT link connected");
            standby = await SharedDatabaseWorkers.StartAsync("worker-b", database, broker, ["north"], LeaseDuration, FastLink);
            await standby.WaitForOutputAsync("waits as a standby");
            using var ownerNode = new HttpClient { BaseAddress = await SharedDatabaseWorkers.AddressAsync(owner) };
            using var standbyNode = new HttpClient { BaseAddress = await SharedDatabaseWorkers.AddressAsync(standby) };

            var (ownerCode, ownerReport) = await ReadyAsync(ownerNode);
            Assert.Equal((HttpStatusCode.OK, "Healthy"), (ownerCode, Status(ownerReport)));
            Assert.Equal("up", Entry(ownerReport, "links").GetProperty("data").GetProperty("mqtt").GetString());

            var (standbyCode, standbyReport) = await ReadyAsync(standbyNode);
            Assert.Equal((HttpStatusCode.OK, "Healthy"), (standbyCode, Status(standbyReport)));
            Assert.Equal("standby", Entry(standbyReport, "links").GetProperty("data").GetProperty("mqtt").GetString());
            Assert.StartsWith("Standby:", Entry(standbyReport, "ingest").GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Equal("Healthy", Entry(standbyReport, "database").GetProperty("status").GetString());

            // The broker gone: the owner's link is down, which its report names, but it still serves nurses.
            await broker.StopAsync(CancellationToken.None);
            await SharedDatabaseWorkers.WaitAsync(
                async () => Entry((await ReadyAsync(ownerNode)).Report, "links").GetProperty("data").GetProperty("mqtt").GetString() == "down", "the owner's link down");
            (ownerCode, ownerReport) = await ReadyAsync(ownerNode);
            Assert.Equal((HttpStatusCode.OK, "Degraded"), (ownerCode, Status(ownerReport)));
            Assert.Equal((HttpStatusCode.OK, "Healthy"), await StatusAsync(standbyNode));

            await broker.StartAgainAsync(CancellationToken.None);
            await SharedDatabaseWorkers.WaitAsync(async () => await StatusAsync(ownerNode) == (HttpStatusCode.OK, "Healthy"), "the owner healthy again");
            Assert.Equal(0, await standby.StopAsync());
            Assert.Equal(0, await owner.StopAsync());
            Assert.False((owner.Output + standby.Output).Contains("fail:", StringComparison.Ordinal), owner.Output + "\n----\n" + standby.Output);
        }
        finally
        {
            foreach (var worker in new[] { owner, standby })
            {
                if (worker is { HasExited: false })
                {
                    await worker.KillHardAsync();
                }
            }
        }
    }

    private static async Task<(HttpStatusCode Code, JsonElement Report)> ReadyAsync(HttpClient node)
    {
        using var response = await node.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }

    private static async Task<(HttpStatusCode, string?)> StatusAsync(HttpClient node)
    {
        var (code, report) = await ReadyAsync(node);
        return (code, Status(report));
    }

    private static string? Status(JsonElement report) => report.GetProperty("status").GetString();

    private static JsonElement Entry(JsonElement report, string name) => report.GetProperty("checks").GetProperty(name);
}
