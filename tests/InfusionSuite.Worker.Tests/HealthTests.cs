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

        await broker.StopAsync(Wait.Token());
        await Wait.UntilAsync(
            async () => (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.ServiceUnavailable, "unready");
        for (var probe = 0; probe < 5; probe++)
        {
            // A load balancer keeps probing: each answer is 503, and none logs an error (the host's error watch fails the test otherwise).
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
    }
}
