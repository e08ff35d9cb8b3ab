using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionSuite.Testing;
using Microsoft.Data.Sqlite;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// docs/operations.md's move of a suite from SQLite to PostgreSQL, on the data a running suite wrote: the production
/// host serves on its SQLite file (an account and its API token, a session started and its cap placed by a nurse on the
/// REST API, a controller's samples over mosquitto), is stopped mid-session while the controller goes on publishing;
/// <c>copy-to-postgresql</c> copies the file; the host started on PostgreSQL rebuilds the open session, stores what
/// waited at the broker once, and takes the nurse's next action with the same token.
/// </summary>
public sealed class SuiteMovedToPostgreSqlTests : IDisposable
{
    private const string Boot = "0A1B2C3D";

    private readonly TempDatabase _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact(Timeout = 240_000)]
    public async Task SuiteStoppedMidSession_CopiedToPostgreSql_ResumesThereWithEverySampleOnce()
    {
        await using var broker = await MosquittoBroker.StartAsync(CancellationToken.None);
        var suite = Path.Combine(_folder.Folder, "suite.db");
        string[] sqlite = ["--Storage:DatabasePath=" + suite];
        var token = await SharedDatabaseWorkers.NurseTokenAsync(sqlite, _folder.Folder);
        var first = await HostRun.StartAsync(_folder.Folder, [.. sqlite, .. Link(broker)]);
        HostRun? moved = null;
        try
        {
            await first.WaitForOutputAsync("MQTT link connected");
            await using var chair = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "north", "CHAIR-N1", CancellationToken.None);
            using (var node = SharedDatabaseWorkers.NurseClient(await SharedDatabaseWorkers.AddressAsync(first), token))
            {
                var started = await node.PostAsJsonAsync("/api/sessions", new
                {
                    controllerId = "CHAIR-N1", patientReference = "MRN-4711", patientName = "Jane Roe", administrationId = "ma-1",
                    primaryCptCode = "96413", regimenPreset = "Standard", sessionId = "s-moved", confirmUnheardController = true,
                });
                Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
                Assert.Equal("PreCooling", await StatusAsync(await node.PostAsJsonAsync("/api/sessions/s-moved/cap-placed", new { })));
                for (uint seq = 1; seq <= 20; seq++)
                {
                    await chair.PublishTelemetryAsync(Boot, seq, CancellationToken.None);
                }

                await SharedDatabaseWorkers.WaitAsync(async () => await StoredOnSqliteAsync(suite) == 20, "the suite storing 20 samples");
            }

            Assert.Equal(0, await first.StopAsync()); // step 1 of the move: the service stopped
            for (uint seq = 21; seq <= 30; seq++)
            {
                await chair.PublishTelemetryAsync(Boot, seq, CancellationToken.None); // kept at the broker for the suite's session
            }

            var database = (await PostgreSqlCluster.SharedAsync()).NewDatabase();
            string[] postgreSql = ["--Storage:Provider=PostgreSql", "--Storage:ConnectionString=" + database];
            var (code, text, error) = await HostProcess.RunAsync("InfusionSuite.Host.dll", _folder.Folder, null, ["copy-to-postgresql", "--from", suite, .. postgreSql]);
            Assert.True(code == 0, text + error);
            Assert.Contains("telemetry: 20 rows", text, StringComparison.Ordinal);
            Assert.Contains("sessions: 1 rows", text, StringComparison.Ordinal);

            moved = await HostRun.StartAsync(_folder.Folder, [.. postgreSql, .. Link(broker)]);
            await moved.WaitForOutputAsync("Ingest writer started;");
            Assert.Contains("Ingest writer started; 1 sessions rebuilt", moved.Output, StringComparison.Ordinal);
            await SharedDatabaseWorkers.WaitAsync(async () => await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM telemetry") >= 30, "the samples that waited at the broker");
            Assert.Equal(30L, await SharedDatabaseWorkers.CountAsync(database, "SELECT count(DISTINCT seq) FROM telemetry"));
            Assert.Equal(30L, await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM telemetry"));

            using (var node = SharedDatabaseWorkers.NurseClient(await SharedDatabaseWorkers.AddressAsync(moved), token))
            {
                Assert.Equal("Infusing", await StatusAsync(await node.PostAsJsonAsync("/api/sessions/s-moved/infusion-started", new { })));
                using var page = JsonDocument.Parse(await node.GetStringAsync("/api/sessions/s-moved"));
                Assert.Equal(
                    ["CapPlaced", "InfusionStarted", "StartSession"],
                    page.RootElement.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action").GetString()).Order(StringComparer.Ordinal));
            }

            Assert.Equal(0, await moved.StopAsync());
            Assert.DoesNotContain("fail:", first.Output + moved.Output, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var host in new[] { first, moved })
            {
                if (host is { HasExited: false })
                {
                    await host.KillHardAsync();
                }
            }
        }
    }

    private static string[] Link(MosquittoBroker broker) =>
    [
        "--Controllers:Mqtt:Host=" + broker.Host,
        "--Controllers:Mqtt:Port=" + broker.Port.ToString(CultureInfo.InvariantCulture),
        "--Controllers:Mqtt:Site=north",
        "--Controllers:Mqtt:ClientId=infusionsuite-north",
        "--urls=http://127.0.0.1:0",
        "--Logging:Console:FormatterName=simple",
    ];

    private static async Task<long> StoredOnSqliteAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT count(*) FROM telemetry", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> StatusAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("status").GetString()!;
    }
}
