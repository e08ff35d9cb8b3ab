using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionSuite.Testing;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// The deployment a fresh user tried (docs/operations.md): an owner and its standby of site north on one PostgreSQL
/// database, the same site settings and MQTT client id on both (<c>Controllers:Mqtt:Site=north</c>,
/// <c>Controllers:Mqtt:ClientId=infusionsuite-north</c>). A free chair (no session, its controller publishing) and a chair
/// whose session is only started (its controller then dies) look the same on both boards as the owner hears them: the
/// free chair online, the dead controller on the urgency strip. After the owner is killed and started again, the same
/// holds with the roles swapped. The standby's own writer admitted no controller, so this fails when a node shows only
/// the controllers it admitted itself.
/// </summary>
public sealed class PresenceOnEveryBoardTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);

    [Fact(Timeout = 240_000)]
    public async Task FreeChairAndDeadControllerOfAStartedSession_ShowOnTheStandbysBoardAsTheOwnerHearsThem_BeforeAndAfterFailover()
    {
        var database = (await PostgreSqlCluster.SharedAsync()).NewDatabase();
        using var folder = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(CancellationToken.None);
        var owner = await SharedDatabaseWorkers.StartAsync("worker-a", database, broker, "north", LeaseDuration, SharedDatabaseWorkers.FastLink);
        HostRun? standby = null;
        HostRun? restarted = null;
        await using var freeChair = await PublishingController.StartAsync(broker, "N-03", "0A1B2C3D");
        try
        {
            await owner.WaitForOutputAsync("Site north: worker worker-a took the lease"); // it made the tables first
            standby = await SharedDatabaseWorkers.StartAsync("worker-b", database, broker, "north", LeaseDuration, SharedDatabaseWorkers.FastLink);
            var token = await SharedDatabaseWorkers.NurseTokenAsync(database, folder.Folder);
            await Task.WhenAll(owner.WaitForOutputAsync("MQTT link connected"), standby.WaitForOutputAsync("waits as a standby"));
            using var first = SharedDatabaseWorkers.NurseClient(await SharedDatabaseWorkers.AddressAsync(owner), token);
            using var second = SharedDatabaseWorkers.NurseClient(await SharedDatabaseWorkers.AddressAsync(standby), token);

            // The free chair: online on the owner's board (its link hears it) and on the standby's.
            await BothAsync([first, second], async node => (await ChairAsync(node, "N-03")).Online, "N-03 online on both boards");

            // A session started on X-01 (the cap not yet on); its controller dies: "Controller offline" on both strips.
            await using var dying = await PublishingController.StartAsync(broker, "X-01", "0A1B2C3D");
            await BothAsync([first, second], async node => (await ChairAsync(node, "X-01")).Online, "X-01 online on both boards");
            await StartSessionAsync(second, "X-01", "s-x01");
            await BothAsync([first, second], async node => (await ChairAsync(node, "X-01")).Status == "Started", "X-01's session on both boards");
            await dying.DieAsync();
            await BothAsync([first, second], async node => await OfflineOnTheStripAsync(node, "X-01"), "X-01 offline on both strips");
            Assert.True((await ChairAsync(second, "N-03")).Online);

            // The owner made the tables of the new database at its start, with no failure logged.
            Assert.DoesNotContain("fail:", owner.Output, StringComparison.Ordinal);

            // The owner killed: the standby owns north and hears the chairs itself; the old owner, started again, is the standby now.
            await owner.KillHardAsync();
            // Meanwhile the free chair's controller never stops: its site changes hands, it does not go offline (issue 18 trial:
            // "Controller offline" on the new owner's strip until its own link had heard the chairs).
            HostRun takingOver = standby;
            var falseAlarms = TimesOfflineOnTheStripAsync(second, "N-03", async () =>
                takingOver.Output.Contains("Site north: worker worker-b took the lease", StringComparison.Ordinal) && (await ChairAsync(second, "N-03")).Online);
            await standby.WaitForOutputAsync("Site north: worker worker-b took the lease");
            Assert.Equal(0, await falseAlarms);
            restarted = await SharedDatabaseWorkers.StartAsync("worker-a", database, broker, "north", LeaseDuration, SharedDatabaseWorkers.FastLink);
            await restarted.WaitForOutputAsync("waits as a standby");
            using var again = SharedDatabaseWorkers.NurseClient(await SharedDatabaseWorkers.AddressAsync(restarted), token);
            await BothAsync([second, again], async node => (await ChairAsync(node, "N-03")).Online, "N-03 online on the new owner's and the new standby's boards");

            await using var revived = await PublishingController.StartAsync(broker, "X-01", "0B1B2C3D"); // powered on again: a new boot
            await BothAsync([second, again], async node => (await ChairAsync(node, "X-01")).Online, "X-01 online again on both boards");
            await revived.DieAsync();
            await BothAsync([second, again], async node => await OfflineOnTheStripAsync(node, "X-01"), "X-01 offline on both strips after the failover");
            Assert.True((await ChairAsync(again, "N-03")).Online);

            var exits = await Task.WhenAll(restarted.StopAsync(), standby.StopAsync());
            Assert.Equal(new[] { 0, 0 }, exits);
            Assert.DoesNotContain("fail:", standby.Output + restarted.Output, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var worker in new[] { owner, standby, restarted })
            {
                if (worker is { HasExited: false })
                {
                    await worker.KillHardAsync();
                }
            }
        }
    }

    private static async Task BothAsync(HttpClient[] nodes, Func<HttpClient, Task<bool>> condition, string what)
    {
        foreach (var node in nodes)
        {
            await SharedDatabaseWorkers.WaitAsync(() => condition(node), $"{what} ({node.BaseAddress})");
        }

        foreach (var node in nodes)
        {
            Assert.True(await condition(node), $"{what} ({node.BaseAddress}), still");
        }
    }

    private static async Task StartSessionAsync(HttpClient node, string controllerId, string sessionId)
    {
        using var started = await node.PostAsJsonAsync("/api/sessions", new
        {
            controllerId, patientReference = "MRN-" + controllerId, patientName = "Jane Roe", administrationId = "ma-" + sessionId,
            primaryCptCode = "96413", regimenPreset = "Standard", sessionId,
        });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
    }

    /// <summary>The chair as a node's board shows it: its controller online, and its session's status.</summary>
    private static async Task<(bool Online, string? Status)> ChairAsync(HttpClient node, string controllerId)
    {
        using var board = JsonDocument.Parse(await node.GetStringAsync(new Uri("/api/board", UriKind.Relative)));
        return board.RootElement.GetProperty("chairs").EnumerateArray()
            .Where(c => c.GetProperty("controllerId").GetString() == controllerId)
            .Select(c => (c.GetProperty("online").GetBoolean(), c.GetProperty("status").GetString()))
            .FirstOrDefault((false, "not on the board"));
    }

    /// <summary>How many looks (every 100 ms) at the node's strip found the chair offline until <paramref name="until"/> holds.</summary>
    private static async Task<int> TimesOfflineOnTheStripAsync(HttpClient node, string controllerId, Func<Task<bool>> until)
    {
        var times = 0;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await until())
        {
            times += await OfflineOnTheStripAsync(node, controllerId) ? 1 : 0;
            await Task.Delay(100, limit.Token);
        }

        return times;
    }

    /// <summary>The node's urgency strip says the chair's controller is offline.</summary>
    private static async Task<bool> OfflineOnTheStripAsync(HttpClient node, string controllerId)
    {
        using var board = JsonDocument.Parse(await node.GetStringAsync(new Uri("/api/board", UriKind.Relative)));
        return board.RootElement.GetProperty("urgent").EnumerateArray().Any(item =>
            item.GetProperty("text").GetString()!.StartsWith("Controller", StringComparison.Ordinal)
            && item.GetProperty("text").GetString()!.EndsWith("offline", StringComparison.Ordinal)
            && item.GetProperty("controllerIds").EnumerateArray().Any(id => id.GetString() == controllerId));
    }

    /// <summary>A controller of site north that says it is online and publishes a sample every 200 ms until it dies or is disposed.</summary>
    private sealed class PublishingController : IAsyncDisposable
    {
        private readonly MqttTestController _controller;
        private readonly string _boot;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _publishing;

        private PublishingController(MqttTestController controller, string boot)
        {
            _controller = controller;
            _boot = boot;
            _publishing = PublishAsync();
        }

        public static async Task<PublishingController> StartAsync(MosquittoBroker broker, string controllerId, string boot)
        {
            var controller = await MqttTestController.ConnectAsync(broker.Host, broker.Port, "north", controllerId, CancellationToken.None, connection: boot);
            await controller.PublishOnlineAsync(boot, CancellationToken.None);
            return new PublishingController(controller, boot);
        }

        /// <summary>Power lost: no more samples, and the broker publishes the Last Will.</summary>
        public async Task DieAsync()
        {
            await _stop.CancelAsync();
            await _publishing;
            await _controller.DieAsync(CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _publishing;

            await _controller.DisposeAsync();
            _stop.Dispose();
        }

        private async Task PublishAsync()
        {
            for (var seq = 1u; !_stop.IsCancellationRequested; seq++)
            {
                await _controller.PublishTelemetryAsync(_boot, seq, CancellationToken.None);
                try
                {
                    await Task.Delay(200, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
