using System.Globalization;
using System.Text.RegularExpressions;
using InfusionSuite.Testing;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// A monitor scraping a suite that has seen nothing yet: every ingest count is there at 0 (a dashboard or an alert on
/// sequence gaps cannot tell a count that is missing from one that is zero).
/// </summary>
public sealed class CountsFromZeroTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("infusionsuite-counts-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact(Timeout = 120_000)]
    public async Task FreshSuite_ReportsEveryIngestCountAtZero_BeforeItsFirstEvent()
    {
        var port = FreePort.Next();
        var run = await HostRun.StartAsync(_data, [
            "--Storage:DatabasePath=" + Path.Combine(_data, "infusionsuite.db"),
            "--urls=http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture)]);
        try
        {
            await run.WaitForOutputAsync("Application started");
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var scraped = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

            foreach (var count in new[]
            {
                "ingest_sequence_gaps_total", "ingest_sequence_missing_total", "ingest_sequence_collisions_total", "ingest_batch_failures_total",
                "ingest_samples_unassigned_total", "ingest_messages_refused_controller_total",
            })
            {
                Assert.Matches(new Regex($"(?m)^{count}(\\{{[^}}]*\\}})? 0( \\d+)?$"), scraped);
            }

            foreach (var kind in new[] { "telemetry", "event", "hello", "presence", "nurse" })
            {
                Assert.Matches(new Regex($"(?m)^ingest_messages_total\\{{[^}}]*kind=\"{kind}\"[^}}]*\\}} 0( \\d+)?$"), scraped);
            }
        }
        finally
        {
            await run.StopAsync();
        }
    }
}
