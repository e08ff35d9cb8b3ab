using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionSuite.Testing;
using Xunit.Abstractions;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// Two worker processes on one PostgreSQL database and one mosquitto, each owning one site (north, south), each
/// serving the nurse station: a nurse's actions on a north chair posted to the south node reach the north worker
/// through the database and are answered after it committed them, as on a single node; refusals come back as
/// refusals; the south worker writes none of them; the south node's board follows what the north owner commits.
/// </summary>
public sealed class NurseActionsAcrossNodesTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(5);

    private readonly TempDatabase _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact(Timeout = 180_000)]
    public async Task ActionsOnANorthChairPostedToTheSouthNode_AreWrittenByTheNorthOwner_AndAnsweredAfterItsCommit()
    {
        var database = (await PostgreSqlCluster.SharedAsync()).NewDatabase();
        await using var broker = await MosquittoBroker.StartAsync(CancellationToken.None);
        var token = await NurseTokenAsync(database);
        var north = await SharedDatabaseWorkers.StartAsync("worker-north", database, broker, "north", LeaseDuration);
        var south = await SharedDatabaseWorkers.StartAsync("worker-south", database, broker, "south", LeaseDuration);
        try
        {
            await north.WaitForOutputAsync("MQTT link connected");
            await south.WaitForOutputAsync("MQTT link connected");
            using var northNode = Client(await SharedDatabaseWorkers.AddressAsync(north), token);
            using var southNode = Client(await SharedDatabaseWorkers.AddressAsync(south), token);

            await using var chair = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "north", "CHAIR-N1", CancellationToken.None);
            await chair.PublishTelemetryAsync("0A1B2C3D", 1, CancellationToken.None);
            await SharedDatabaseWorkers.WaitAsync(
                async () => await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM controller_sites WHERE controller_id = 'CHAIR-N1' AND site = 'north'") == 1,
                "the north worker recording its chair's site");

            var clock = Stopwatch.StartNew();
            var started = await southNode.PostAsJsonAsync("/api/sessions", new
            {
                controllerId = "CHAIR-N1", patientReference = "MRN-4711", patientName = "Jane Roe", administrationId = "ma-1",
                primaryCptCode = "96413", regimenPreset = "Standard", sessionId = "s-across",
                confirmUnheardController = true, // the chair spoke to the north worker; the south node's own writer may not have heard it
            });
            var startAnswer = clock.Elapsed;
            Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
            Assert.Equal(1L, await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM sessions WHERE session_id = 's-across'")); // committed before the answer

            clock.Restart();
            Assert.Equal("PreCooling", await StatusAsync(await southNode.PostAsJsonAsync("/api/sessions/s-across/cap-placed", new { })));
            var capAnswer = clock.Elapsed;
            var audited = await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM nurse_audit a JOIN sessions s USING (session_key) WHERE s.session_id = 's-across'");
            Assert.True(audited >= 2, $"{audited} audit rows after the start and the cap");

            // A refusal comes back as on a single node: the infusion cannot end before it started.
            var refused = await southNode.PostAsJsonAsync("/api/sessions/s-across/infusion-ended", new { });
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal(audited, await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM nurse_audit a JOIN sessions s USING (session_key) WHERE s.session_id = 's-across'"));

            // The owner's own node answers as before; an unknown session is 404 from either.
            Assert.Equal(HttpStatusCode.OK, (await northNode.PostAsJsonAsync("/api/sessions/s-across/infusion-started", new { })).StatusCode);

            // The south node's board follows the north owner's commits (NOTIFY at each batch's commit).
            clock.Restart();
            await SharedDatabaseWorkers.WaitAsync(async () => await BoardStatusAsync(southNode, "CHAIR-N1") == "s-across Infusing", "the south board showing the infusion");
            var boardFollows = clock.Elapsed;
            Assert.Equal(HttpStatusCode.OK, (await southNode.PostAsJsonAsync("/api/sessions/s-across/tolerance", new { score = 8 })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await southNode.PostAsJsonAsync("/api/sessions/s-nowhere/cap-placed", new { })).StatusCode);

            Assert.Equal(0L, await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM nurse_commands")); // every answer read and removed
            Assert.Equal(4, Occurrences(north.Output, "from another node answered"));
            Assert.DoesNotContain("from another node answered", south.Output, StringComparison.Ordinal);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start posted to the south node, answered by the north owner after its commit: {startAnswer.TotalMilliseconds:F0} ms (the node's first request); the cap then: {capAnswer.TotalMilliseconds:F0} ms; the south board showed the north owner's change after {boardFollows.TotalMilliseconds:F0} ms"));

            Assert.Equal(0, await south.StopAsync());
            Assert.Equal(0, await north.StopAsync());
            Assert.DoesNotContain("fail:", north.Output + south.Output, StringComparison.Ordinal);
        }
        finally
        {
            await StopQuietlyAsync(north);
            await StopQuietlyAsync(south);
        }
    }

    private Task<string> NurseTokenAsync(string database) => SharedDatabaseWorkers.NurseTokenAsync(database, _folder.Folder);

    private static HttpClient Client(Uri address, string token) => SharedDatabaseWorkers.NurseClient(address, token);

    private static async Task<string> StatusAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("status").GetString()!;
    }

    private static async Task<string?> BoardStatusAsync(HttpClient node, string controllerId)
    {
        using var board = JsonDocument.Parse(await node.GetStringAsync("/api/board"));
        return board.RootElement.GetProperty("chairs").EnumerateArray()
            .Where(c => c.GetProperty("controllerId").GetString() == controllerId)
            .Select(c => $"{c.GetProperty("sessionId").GetString()} {c.GetProperty("status").GetString()}")
            .FirstOrDefault();
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private static async Task StopQuietlyAsync(HostRun worker)
    {
        if (!worker.HasExited)
        {
            await worker.KillHardAsync();
        }
    }
}
