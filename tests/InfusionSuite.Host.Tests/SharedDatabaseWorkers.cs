using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using InfusionSuite.Testing;
using Npgsql;

namespace InfusionSuite.Host.Tests;

/// <summary>Worker processes on one PostgreSQL database and one mosquitto, each owning the sites it is given, and the database as the tests read it.</summary>
internal static partial class SharedDatabaseWorkers
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static Task<HostRun> StartAsync(string name, string database, MosquittoBroker broker, string site, TimeSpan leaseDuration) =>
        HostRun.StartAsync(Path.GetTempPath(), [
            .. Common(name, database, broker, leaseDuration),
            "--Storage:Leases:Sites:0=" + site,
            "--Controllers:Mqtt:Site=" + site,
            "--Controllers:Mqtt:ClientId=infusionsuite-" + site,
        ]);

    /// <summary>A worker owning several sites (one MQTT client id for them all), with <paramref name="settings"/> added.</summary>
    public static Task<HostRun> StartAsync(
        string name, string database, MosquittoBroker broker, IReadOnlyList<string> sites, TimeSpan leaseDuration, IEnumerable<string> settings) =>
        HostRun.StartAsync(Path.GetTempPath(), [
            .. Common(name, database, broker, leaseDuration),
            .. sites.Select((site, i) => $"--Storage:Leases:Sites:{i}={site}"),
            .. sites.Select((site, i) => $"--Controllers:Mqtt:Sites:{i}={site}"),
            "--Controllers:Mqtt:ClientId=infusionsuite-" + string.Join('-', sites),
            .. settings,
        ]);

    private static string[] Common(string name, string database, MosquittoBroker broker, TimeSpan leaseDuration) =>
    [
        "--Storage:Provider=PostgreSql",
        "--Storage:ConnectionString=" + database,
        "--Storage:Leases:Worker=" + name,
        "--Storage:Leases:Duration=" + leaseDuration.ToString("c", CultureInfo.InvariantCulture),
        "--Controllers:Mqtt:Host=" + broker.Host,
        "--Controllers:Mqtt:Port=" + broker.Port.ToString(CultureInfo.InvariantCulture),
        "--urls=http://127.0.0.1:0",
        "--Logging:Console:FormatterName=simple",
    ];

    /// <summary>Where the worker's nurse station listens (its log's "Now listening on").</summary>
    public static async Task<Uri> AddressAsync(HostRun worker)
    {
        await worker.WaitForOutputAsync("Now listening on: ");
        return new Uri(Listening().Match(worker.Output).Groups[1].Value);
    }

    /// <summary>The NPI in nina's profile: the EHR is searched for her Practitioner by it when a record is sent.</summary>
    public const string NurseNpi = "1234567893";

    /// <summary>A nurse's API token (user nina), made with the host's own commands on the database.</summary>
    public static Task<string> NurseTokenAsync(string database, string folder) =>
        NurseTokenAsync(["--Storage:Provider=PostgreSql", "--Storage:ConnectionString=" + database], folder);

    /// <summary>A nurse's API token (user nina), made with the host's own commands on the database the <paramref name="storage"/> settings name.</summary>
    public static async Task<string> NurseTokenAsync(string[] storage, string folder)
    {
        var (code, text, error) = await HostProcess.RunAsync(
            "InfusionSuite.Host.dll", folder, "a long enough password\n", ["users", "add", "--name", "nina", "--role", "nurse", "--display", "Nina N", "--practitioner", NurseNpi, "--password-stdin", .. storage]);
        Assert.True(code == 0, text + error);
        (code, text, error) = await HostProcess.RunAsync("InfusionSuite.Host.dll", folder, null, ["users", "token", "--name", "nina", .. storage]);
        Assert.True(code == 0, text + error);
        return text.Trim();
    }

    public static HttpClient NurseClient(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, at most <paramref name="limit"/> (default 60 s).</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var waited = Stopwatch.StartNew();
        var most = limit ?? Limit;
        while (!await condition())
        {
            if (waited.Elapsed > most)
            {
                throw new TimeoutException($"Timed out after {most.TotalSeconds} s waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }

    public static async Task<long> CountAsync(string database, string sql)
    {
        // Not pooled: a pooled connection would not survive a database restart the test makes.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Waits until the samples 1..<paramref name="total"/> (each acknowledged by the broker) are stored, and asserts each is
    /// stored exactly once; on a timeout says which are missing, with <paramref name="context"/> (the hosts' output).
    /// </summary>
    public static async Task AssertStoredOnceAsync(string database, int total, Xunit.Abstractions.ITestOutputHelper output, Func<string> context)
    {
        try
        {
            await WaitAsync(async () => await CountAsync(database, "SELECT count(*) FROM telemetry") >= total, "every acknowledged sample stored");
        }
        catch (TimeoutException)
        {
            output.WriteLine($"{await MissingAsync(database, total)}\n{context()}");
            throw;
        }

        Assert.Equal(total, await CountAsync(database, "SELECT count(*) FROM telemetry"));
        Assert.Equal(total, await CountAsync(database, "SELECT count(DISTINCT seq) FROM telemetry"));
        Assert.Equal(total, await CountAsync(database, "SELECT max(seq) FROM telemetry"));
    }

    /// <summary>Which of the samples 1..<paramref name="total"/> the database lacks, for a failure message.</summary>
    private static async Task<string> MissingAsync(string database, int total)
    {
        var where = $"FROM generate_series(1, {total}) g WHERE NOT EXISTS (SELECT 1 FROM telemetry t WHERE t.seq = g)";
        return $"acknowledged {total}; missing {await CountAsync(database, "SELECT count(*) " + where)} " +
            $"(seq {await CountAsync(database, "SELECT coalesce(min(g), 0) " + where)}..{await CountAsync(database, "SELECT coalesce(max(g), 0) " + where)})";
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
