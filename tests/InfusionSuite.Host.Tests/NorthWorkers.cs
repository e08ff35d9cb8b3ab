using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionSuite.Testing;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// Site north's owner (worker-a, its MQTT link connected) and, once started, its standby (worker-b, waiting) on one
/// database and broker, with a nurse's client for either node; both killed at the end if still running.
/// </summary>
internal sealed class NorthWorkers : IAsyncDisposable
{
    private readonly string _database;
    private readonly MosquittoBroker _broker;
    private readonly TimeSpan _lease;

    private NorthWorkers(string database, MosquittoBroker broker, TimeSpan lease, HostRun owner)
    {
        _database = database;
        _broker = broker;
        _lease = lease;
        Owner = owner;
    }

    public HostRun Owner { get; }

    public HostRun? Standby { get; private set; }

    public static async Task<NorthWorkers> StartOwnerAsync(string database, MosquittoBroker broker, TimeSpan lease)
    {
        var owner = await SharedDatabaseWorkers.StartAsync("worker-a", database, broker, "north", lease);
        await owner.WaitForOutputAsync("MQTT link connected");
        return new NorthWorkers(database, broker, lease, owner);
    }

    public async Task<HostRun> StartStandbyAsync()
    {
        Standby = await SharedDatabaseWorkers.StartAsync("worker-b", _database, _broker, "north", _lease);
        await Standby.WaitForOutputAsync("waits as a standby");
        return Standby;
    }

    /// <summary>A nurse's client of <paramref name="node"/>'s REST API.</summary>
    public static async Task<HttpClient> NurseAsync(HostRun node, string token) =>
        SharedDatabaseWorkers.NurseClient(await SharedDatabaseWorkers.AddressAsync(node), token);

    /// <summary>Starts session <paramref name="session"/> on <paramref name="chair"/> through <paramref name="node"/> (201, or the test fails).</summary>
    public static async Task StartSessionAsync(HttpClient node, string chair, string session)
    {
        using var started = await PostStartAsync(node, chair, session);
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
    }

    /// <summary>A nurse's start of session <paramref name="session"/> on <paramref name="chair"/>, posted to <paramref name="node"/>; its answer as it comes.</summary>
    public static Task<HttpResponseMessage> PostStartAsync(HttpClient node, string chair, string session) =>
        node.PostAsJsonAsync("/api/sessions", new
        {
            controllerId = chair, patientReference = "MRN-" + chair, patientName = "Jane Roe", administrationId = "ma-" + session,
            primaryCptCode = "96413", regimenPreset = "Standard", sessionId = session, confirmUnheardController = true,
        });

    /// <summary>The session's status in a nurse action's answer (a success, or the test fails with the answer).</summary>
    public static async Task<string> StatusAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
            return JsonDocument.Parse(body).RootElement.GetProperty("status").GetString()!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { Owner, Standby })
        {
            if (host is { HasExited: false })
            {
                await host.KillHardAsync();
            }
        }
    }
}
