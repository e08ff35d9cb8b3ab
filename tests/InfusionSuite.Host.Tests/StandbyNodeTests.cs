using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionSuite.Testing;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// An owner and its standby for site north on one PostgreSQL database, as a load balancer sees them: both serve nurses, so
/// both are ready; what only the owner does (its writer, its MQTT link) is named in the report, and failing it does not
/// take the owner's node out of the balancer. Both boards show a chair's controller as the owner hears it (only the owner's
/// link does): online on both, and offline with its alarm on both when it goes silent. Either node says who owns the site.
/// </summary>
public sealed class StandbyNodeTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(5);

    [Fact(Timeout = 180_000)]
    public async Task StandbyIsReadyForTheLoadBalancer_ShowsPresenceAsTheOwnerHearsIt_AndAnOwnersBrokenLinkIsDegradedNotUnready()
    {
        var database = (await PostgreSqlCluster.SharedAsync()).NewDatabase();
        using var folder = new TempDatabase();
        var token = await SharedDatabaseWorkers.NurseTokenAsync(database, folder.Folder);
        await using var broker = await MosquittoBroker.StartAsync(CancellationToken.None);
        var owner = await SharedDatabaseWorkers.StartAsync("worker-a", database, broker, ["north"], LeaseDuration, SharedDatabaseWorkers.FastLink);
        HostRun? standby = null;
        try
        {
            await owner.WaitForOutputAsync("MQTT link connected");
            standby = await SharedDatabaseWorkers.StartAsync("worker-b", database, broker, ["north"], LeaseDuration, SharedDatabaseWorkers.FastLink);
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

            // Who owns the site, on either node: the report's sites entry, and the lease gauge.
            foreach (var (report, thisNode) in new[] { (ownerReport, true), (standbyReport, false) })
            {
                var north = Entry(report, "sites").GetProperty("data").GetProperty("north");
                Assert.Equal(("worker-a", thisNode, true), (north.GetProperty("owner").GetString(), north.GetProperty("thisNode").GetBoolean(), north.GetProperty("live").GetBoolean()));
                Assert.True(north.GetProperty("fence").GetInt64() >= 1);
            }

            Assert.StartsWith("Worker worker-b is a standby for north", Entry(standbyReport, "sites").GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Matches("storage_site_leases_held\\{[^}]*site=\"north\"[^}]*\\} 1", await ownerNode.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
            Assert.Matches("storage_site_leases_held\\{[^}]*site=\"north\"[^}]*\\} 0", await standbyNode.GetStringAsync(new Uri("/metrics", UriKind.Relative)));

            // A chair of north in pre-cooling, its controller publishing: online on both boards, though only the owner hears it.
            using var ownerNurse = SharedDatabaseWorkers.NurseClient(ownerNode.BaseAddress!, token);
            using var standbyNurse = SharedDatabaseWorkers.NurseClient(standbyNode.BaseAddress!, token);
            await using var chair = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "north", "CHAIR-N1", CancellationToken.None);
            using var silence = new CancellationTokenSource();
            var publishing = PublishUntilAsync(chair, silence.Token);
            await SharedDatabaseWorkers.WaitAsync(async () => await ChairAsync(ownerNurse) is (true, _), "the chair online on the owner's board");
            var started = await standbyNurse.PostAsJsonAsync("/api/sessions", new
            {
                controllerId = "CHAIR-N1", patientReference = "MRN-1", patientName = "Jane Roe", administrationId = "ma-s-north",
                primaryCptCode = "96413", regimenPreset = "Standard", sessionId = "s-north",
            });
            Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await standbyNurse.PostAsJsonAsync("/api/sessions/s-north/cap-placed", new { })).StatusCode);
            await SharedDatabaseWorkers.WaitAsync(async () => await ChairAsync(standbyNurse) is (true, ""), "the chair online on the standby's board");
            Assert.Equal((true, ""), await ChairAsync(ownerNurse));

            // The controller goes silent: the owner marks it offline, and both boards show it offline with the alarm.
            await silence.CancelAsync();
            await publishing;
            foreach (var node in new[] { ownerNurse, standbyNurse })
            {
                await SharedDatabaseWorkers.WaitAsync(async () => await ChairAsync(node) is (false, "CONTROLLER_OFFLINE"), "the chair offline on both boards");
            }

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

    private static async Task PublishUntilAsync(MqttTestController chair, CancellationToken silence)
    {
        for (var seq = 1u; !silence.IsCancellationRequested; seq++)
        {
            await chair.PublishTelemetryAsync("0A1B2C3D", seq, CancellationToken.None);
            try
            {
                await Task.Delay(200, silence);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The chair's controller as a node's board shows it: online, and its alarms' codes.</summary>
    private static async Task<(bool Online, string Alarms)> ChairAsync(HttpClient node)
    {
        using var board = JsonDocument.Parse(await node.GetStringAsync(new Uri("/api/board", UriKind.Relative)));
        return board.RootElement.GetProperty("chairs").EnumerateArray()
            .Where(c => c.GetProperty("controllerId").GetString() == "CHAIR-N1")
            .Select(c => (c.GetProperty("online").GetBoolean(), string.Join(',', c.GetProperty("alarms").EnumerateArray().Select(a => a.GetProperty("code").GetString()))))
            .FirstOrDefault((false, "not on the board"));
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
