using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionSuite.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// Two worker processes for site north on one PostgreSQL database and a real mosquitto: the owner, and a standby that
/// serves the nurse station. A nurse action posted to the standby's node travels to the owner; the owner is killed with
/// SIGKILL (and its database connection ends, as a dead machine's does) while it stores the action. The standby takes the
/// site over and runs the action again: the nurse is told what was committed — recorded, once — never a refusal or a
/// "duplicate" of an action the dead owner stored without answering.
/// </summary>
public sealed class RelayedActionAtFailoverTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);

    /// <summary>The advisory lock the test holds to stop the owner at the moment it writes an action's answer.</summary>
    private const long AnswerGate = 4711;

    private readonly TempDatabase _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact(Timeout = 180_000)]
    public async Task OwnerKilledWhileStoringARelayedAction_StandbyRunsItOnce_AndTheNurseIsToldItWasRecorded()
    {
        var database = (await PostgreSqlCluster.SharedAsync()).NewDatabase();
        await using var broker = await MosquittoBroker.StartAsync(CancellationToken.None);
        var token = await SharedDatabaseWorkers.NurseTokenAsync(database, _folder.Folder);
        var owner = await SharedDatabaseWorkers.StartAsync("worker-a", database, broker, "north", LeaseDuration);
        HostRun? standby = null;
        try
        {
            await owner.WaitForOutputAsync("worker worker-a took the lease");
            await owner.WaitForOutputAsync("MQTT link connected");
            standby = await SharedDatabaseWorkers.StartAsync("worker-b", database, broker, "north", LeaseDuration);
            await standby.WaitForOutputAsync("Worker worker-b waits as a standby");
            using var standbyNode = SharedDatabaseWorkers.NurseClient(await SharedDatabaseWorkers.AddressAsync(standby), token);

            await using var chair = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "north", "CHAIR-N1", CancellationToken.None);
            await chair.PublishTelemetryAsync("0A1B2C3D", 1, CancellationToken.None);
            await SharedDatabaseWorkers.WaitAsync(
                async () => await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM controller_sites WHERE controller_id = 'CHAIR-N1'") == 1,
                "the owner recording its chair's site");
            var started = await standbyNode.PostAsJsonAsync("/api/sessions", new
            {
                controllerId = "CHAIR-N1", patientReference = "MRN-4711", patientName = "Jane Roe", administrationId = "ma-1",
                primaryCptCode = "96413", regimenPreset = "Standard", sessionId = "s-failover", confirmUnheardController = true,
            });
            Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());

            // From now on, writing a command's answer waits for a lock the test holds: the owner stops right there.
            await using var gate = await OpenAsync(database);
            await ExecuteAsync(gate, """
                CREATE FUNCTION test_answer_gate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock(4711); RETURN NEW; END $$;
                CREATE TRIGGER test_answer_gate BEFORE UPDATE ON nurse_commands FOR EACH ROW WHEN (NEW.answer IS NOT NULL) EXECUTE FUNCTION test_answer_gate();
                """);
            await ExecuteAsync(gate, $"SELECT pg_advisory_lock({AnswerGate})");
            var cap = standbyNode.PostAsJsonAsync("/api/sessions/s-failover/cap-placed", new { });
            var waiting = $"FROM pg_locks WHERE locktype = 'advisory' AND objid = {AnswerGate} AND NOT granted";
            await SharedDatabaseWorkers.WaitAsync(
                async () => await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) " + waiting) == 1, "the owner writing the cap's answer");
            var ownerBackend = await SharedDatabaseWorkers.CountAsync(database, "SELECT pid " + waiting);

            await owner.KillHardAsync();
            Assert.Equal(1L, await SharedDatabaseWorkers.CountAsync(database, $"SELECT pg_terminate_backend({ownerBackend})::int")); // its machine is gone
            await ExecuteAsync(gate, $"SELECT pg_advisory_unlock({AnswerGate})");

            var answer = await cap;
            var body = await answer.Content.ReadAsStringAsync();
            output.WriteLine($"the nurse's answer after the failover: {(int)answer.StatusCode} {body}");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            using (var json = JsonDocument.Parse(body))
            {
                Assert.Equal("Accepted", json.RootElement.GetProperty("outcome").GetString());
                Assert.Equal("PreCooling", json.RootElement.GetProperty("status").GetString());
            }

            // Stored once: the start's and the cap's audit lines, nothing twice.
            Assert.Equal(2L, await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM nurse_audit a JOIN sessions s USING (session_key) WHERE s.session_id = 's-failover'"));
            Assert.Equal(2L, await SharedDatabaseWorkers.CountAsync(database, "SELECT fence FROM site_leases WHERE site = 'north'"));
            await standby.WaitForOutputAsync("from another node answered"); // its log line may come after the answer it wrote
            Assert.Equal(0L, await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM nurse_commands"));
            Assert.Equal(0, await standby.StopAsync());
            Assert.DoesNotContain("fail:", standby.Output, StringComparison.Ordinal);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lease {LeaseDuration.TotalSeconds} s; the standby took the site and ran the action once"));
        }
        finally
        {
            await StopQuietlyAsync(owner);
            if (standby is not null)
            {
                await StopQuietlyAsync(standby);
            }
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task StopQuietlyAsync(HostRun worker)
    {
        if (!worker.HasExited)
        {
            await worker.KillHardAsync();
        }
    }
}
