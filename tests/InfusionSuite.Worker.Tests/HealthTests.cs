using System.Net;
using InfusionSuite.Testing;

namespace InfusionSuite.Worker.Tests;

/// <summary><c>/health/live</c> and <c>/health/ready</c>: database, links and writer.</summary>
public sealed class HealthTests
{
    [Fact(Timeout = 60_000)]
    public async Task Ready_ReportsDatabaseLinksAndWriter_AndGoesUnhealthyWhenTheBrokerIsGone()
    {
        using var db = new TempDatabase();
        await using var broker = await MosquittoBroker.StartAsync(Wait.Token());
        var settings = Settings.Mqtt(db.Path, broker.Host, broker.Port, "worker-health", offlineAfter: "00:00:10");
        settings["Controllers:Mqtt:ConnectionCheckInterval"] = "00:00:00.100";
        settings["Controllers:Mqtt:KeepAlive"] = "00:00:01";
        await using var worker = await WorkerHost.StartAsync(settings, TimeProvider.System);
        using var client = worker.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        await Wait.UntilAsync(async () => (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK, "ready");
        var body = await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Contains("\"database\"", body, StringComparison.Ordinal);
        Assert.Contains("\"mqtt\":\"up\"", body, StringComparison.Ordinal);
        Assert.Contains("\"ingest\"", body, StringComparison.Ordinal);

        worker.ExpectErrors("The MQTT link is down."); // the framework's health check service logs an unhealthy probe at Error
        await broker.StopAsync(Wait.Token());
        await Wait.UntilAsync(
            async () => (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.ServiceUnavailable, "unready");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
    }
}
