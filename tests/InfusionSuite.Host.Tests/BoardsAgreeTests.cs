using System.Net.Http.Json;
using System.Text.Json;
using InfusionSuite.Testing;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// Every node's board is built by one rule from the same stored state and the same notifications: a session aborted
/// before its cap was placed, one voided, and one aborted through the standby show the same on the owner's board and the
/// standby's ("Aborted", "Voided" on their chairs, never "free" on one and "Aborted" on the other), whether the standby
/// started before or after they ended. A chair's live readings (its latest sample, its setpoint) read the same on both:
/// the standby shows what the owner stored, never "setpoint unknown" beside the owner's −5.0 °C.
/// </summary>
public sealed class BoardsAgreeTests : IDisposable
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);
    private static readonly string[] Chairs = ["CHAIR-N1", "CHAIR-N2", "CHAIR-N3"];

    private readonly TempDatabase _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact(Timeout = 180_000)]
    public async Task EndedSessions_ShowTheSameOnTheOwnersAndTheStandbysBoard_WhenTheStandbyStartedAfterThemOrBefore()
    {
        var database = (await PostgreSqlCluster.SharedAsync()).NewDatabase();
        await using var broker = await MosquittoBroker.StartAsync(CancellationToken.None);
        var token = await SharedDatabaseWorkers.NurseTokenAsync(database, _folder.Folder);
        await using var workers = await NorthWorkers.StartOwnerAsync(database, broker, LeaseDuration);
        using var ownerNode = await NorthWorkers.NurseAsync(workers.Owner, token);
        var controllers = new List<MqttTestController>();
        try
        {
            foreach (var chair in Chairs)
            {
                var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "north", chair, CancellationToken.None);
                controllers.Add(controller);
                await controller.PublishTelemetryAsync("0A1B2C3D", 1, CancellationToken.None);
            }

            await SharedDatabaseWorkers.WaitAsync(
                async () => await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM controller_sites WHERE site = 'north'") == Chairs.Length,
                "the owner recording its chairs' site");

            // Before the standby starts: aborted before the cap was placed, and voided.
            await NorthWorkers.StartSessionAsync(ownerNode, "CHAIR-N1", "s-aborted");
            Assert.Equal("Aborted", await NorthWorkers.StatusAsync(await ownerNode.PostAsJsonAsync("/api/sessions/s-aborted/abort", new { reason = "PatientRequest" })));
            await NorthWorkers.StartSessionAsync(ownerNode, "CHAIR-N2", "s-voided");
            Assert.Equal("PreCooling", await NorthWorkers.StatusAsync(await ownerNode.PostAsJsonAsync("/api/sessions/s-voided/cap-placed", new { })));
            Assert.Equal("Voided", await NorthWorkers.StatusAsync(await ownerNode.PostAsJsonAsync("/api/sessions/s-voided/void", new { reason = "EnteredInError" })));

            using var standbyNode = await NorthWorkers.NurseAsync(await workers.StartStandbyAsync(), token);

            // After it started: one aborted through the standby (relayed to the owner).
            await NorthWorkers.StartSessionAsync(standbyNode, "CHAIR-N3", "s-later");
            Assert.Equal("Aborted", await NorthWorkers.StatusAsync(await standbyNode.PostAsJsonAsync("/api/sessions/s-later/abort", new { reason = "Headache" })));

            const string expected = "CHAIR-N1 s-aborted Aborted | CHAIR-N2 s-voided Voided | CHAIR-N3 s-later Aborted";
            Assert.Equal(expected, await BoardAsync(ownerNode, readings: false));
            await AgreeAsync(standbyNode, expected, readings: false);

            // The controllers go on after their sessions ended: a setpoint and a sample each, as the owner stores them.
            foreach (var controller in controllers)
            {
                await controller.PublishSetpointAsync("0A1B2C3D", 2, "-5.0", CancellationToken.None);
                await controller.PublishTelemetryAsync("0A1B2C3D", 3, CancellationToken.None);
            }

            const string read = " coolant -3.8 setpoint -5.0";
            var withReadings = string.Join(" | ", expected.Split(" | ").Select(chair => chair + read));
            await AgreeAsync(ownerNode, withReadings, readings: true);
            await AgreeAsync(standbyNode, withReadings, readings: true);
        }
        finally
        {
            foreach (var controller in controllers)
            {
                await controller.DisposeAsync();
            }
        }
    }

    private static async Task AgreeAsync(HttpClient node, string expected, bool readings)
    {
        try
        {
            await SharedDatabaseWorkers.WaitAsync(async () => await BoardAsync(node, readings) == expected, "the boards agreeing", TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            Assert.Equal(expected, await BoardAsync(node, readings)); // says what the node shows instead
        }
    }

    /// <summary>Each chair of the test as the node's board shows it: its session and status (none: a free chair), and its readings.</summary>
    private static async Task<string> BoardAsync(HttpClient node, bool readings)
    {
        using var board = JsonDocument.Parse(await node.GetStringAsync("/api/board"));
        var chairs = board.RootElement.GetProperty("chairs").EnumerateArray()
            .Where(c => Chairs.Contains(c.GetProperty("controllerId").GetString()))
            .Select(c => $"{c.GetProperty("controllerId").GetString()} {Text(c, "sessionId")} {Text(c, "status")}"
                + (readings ? $" coolant {Text(c, "coolantC")} setpoint {Text(c, "setpointC")}" : string.Empty))
            .Order(StringComparer.Ordinal);
        return string.Join(" | ", chairs);
    }

    private static string Text(JsonElement chair, string name) =>
        chair.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetDecimal().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            _ => "none",
        } : "none";
}
