using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionSuite.Testing;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// Two worker processes on one PostgreSQL database and one mosquitto, one owning site north, the other site south, a
/// session running on a chair of each. Restarted (the north site taken by a new worker), each writer rebuilds only
/// the sessions of the site it owns; each node's board still shows both chairs (the other site's read from the database),
/// and follows the other worker's commits.
/// </summary>
public sealed class SessionsPerSiteTests : IDisposable
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(5);

    private readonly TempDatabase _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact(Timeout = 240_000)]
    public async Task EachWorkerRebuildsOnlyItsOwnSitesSessions_AndEveryBoardShowsBothSites()
    {
        var database = (await PostgreSqlCluster.SharedAsync()).NewDatabase();
        await using var broker = await MosquittoBroker.StartAsync(CancellationToken.None);
        var token = await SharedDatabaseWorkers.NurseTokenAsync(database, _folder.Folder);
        var north = await SharedDatabaseWorkers.StartAsync("worker-north", database, broker, "north", LeaseDuration);
        var south = await SharedDatabaseWorkers.StartAsync("worker-south", database, broker, "south", LeaseDuration);
        HostRun? northAgain = null;
        HostRun? southAgain = null;
        try
        {
            await north.WaitForOutputAsync("MQTT link connected");
            await south.WaitForOutputAsync("MQTT link connected");
            using (var northNode = SharedDatabaseWorkers.NurseClient(await SharedDatabaseWorkers.AddressAsync(north), token))
            using (var southNode = SharedDatabaseWorkers.NurseClient(await SharedDatabaseWorkers.AddressAsync(south), token))
            {
                await using var northChair = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "north", "CHAIR-N1", CancellationToken.None);
                await using var southChair = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "south", "CHAIR-S1", CancellationToken.None);
                await northChair.PublishTelemetryAsync("0A1B2C3D", 1, CancellationToken.None);
                await southChair.PublishTelemetryAsync("0A1B2C3E", 1, CancellationToken.None);
                await SharedDatabaseWorkers.WaitAsync(
                    async () => await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM controller_sites") == 2, "both chairs' sites recorded");
                await StartAsync(northNode, "CHAIR-N1", "s-north", "MRN-1");
                await StartAsync(southNode, "CHAIR-S1", "s-south", "MRN-2");
            }

            Assert.Equal(0, await north.StopAsync());
            Assert.Equal(0, await south.StopAsync());

            // A new worker takes north (its lease released at the stop); south's worker comes back.
            northAgain = await SharedDatabaseWorkers.StartAsync("worker-north-2", database, broker, "north", LeaseDuration);
            southAgain = await SharedDatabaseWorkers.StartAsync("worker-south", database, broker, "south", LeaseDuration);
            await northAgain.WaitForOutputAsync("Ingest writer started;");
            await southAgain.WaitForOutputAsync("Ingest writer started;");
            Assert.Contains("Ingest writer started; 1 sessions rebuilt", northAgain.Output, StringComparison.Ordinal);
            Assert.Contains("Ingest writer started; 1 sessions rebuilt", southAgain.Output, StringComparison.Ordinal);

            using var northNodeAgain = SharedDatabaseWorkers.NurseClient(await SharedDatabaseWorkers.AddressAsync(northAgain), token);
            using var southNodeAgain = SharedDatabaseWorkers.NurseClient(await SharedDatabaseWorkers.AddressAsync(southAgain), token);
            foreach (var node in new[] { northNodeAgain, southNodeAgain })
            {
                await SharedDatabaseWorkers.WaitAsync(async () => await BoardStatusAsync(node, "CHAIR-N1") == "s-north Started", "the north chair on the board");
                await SharedDatabaseWorkers.WaitAsync(async () => await BoardStatusAsync(node, "CHAIR-S1") == "s-south Started", "the south chair on the board");
            }

            // Each site's actions, posted to the other node, are written by the site's owner; both boards follow.
            Assert.Equal(HttpStatusCode.OK, (await southNodeAgain.PostAsJsonAsync("/api/sessions/s-north/cap-placed", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await northNodeAgain.PostAsJsonAsync("/api/sessions/s-south/cap-placed", new { })).StatusCode);
            foreach (var node in new[] { northNodeAgain, southNodeAgain })
            {
                await SharedDatabaseWorkers.WaitAsync(async () => await BoardStatusAsync(node, "CHAIR-N1") == "s-north PreCooling", "the north cap on the board");
                await SharedDatabaseWorkers.WaitAsync(async () => await BoardStatusAsync(node, "CHAIR-S1") == "s-south PreCooling", "the south cap on the board");
            }

            await northAgain.WaitForOutputAsync("from another node answered"); // its log line may come after the answer it wrote
            await southAgain.WaitForOutputAsync("from another node answered");
            Assert.Equal(0, await northAgain.StopAsync());
            Assert.Equal(0, await southAgain.StopAsync());
            Assert.DoesNotContain("fail:", north.Output + south.Output + northAgain.Output + southAgain.Output, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var worker in new[] { north, south, northAgain, southAgain })
            {
                if (worker is { HasExited: false })
                {
                    await worker.KillHardAsync();
                }
            }
        }
    }

    private static async Task StartAsync(HttpClient node, string controllerId, string sessionId, string patient)
    {
        var started = await node.PostAsJsonAsync("/api/sessions", new
        {
            controllerId, patientReference = patient, patientName = "Jane Roe", administrationId = "ma-" + sessionId,
            primaryCptCode = "96413", regimenPreset = "Standard", sessionId, confirmUnheardController = true,
        });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
    }

    private static async Task<string?> BoardStatusAsync(HttpClient node, string controllerId)
    {
        using var board = JsonDocument.Parse(await node.GetStringAsync("/api/board"));
        return board.RootElement.GetProperty("chairs").EnumerateArray()
            .Where(c => c.GetProperty("controllerId").GetString() == controllerId)
            .Select(c => $"{c.GetProperty("sessionId").GetString()} {c.GetProperty("status").GetString()}")
            .FirstOrDefault();
    }
}
