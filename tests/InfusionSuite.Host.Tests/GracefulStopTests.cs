using System.Globalization;
using System.Net;
using System.Text.Json;
using InfusionSuite.Testing;
using Npgsql;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// <c>systemctl stop</c> (SIGTERM) of a site's owner: it stops renewing its lease first and releases it (expiry set to
/// now) as soon as its writer's last batch is stored, not after its web server has drained its requests, so the standby
/// takes the site at once. Measured on the database's clock: the standby's take, against the moment of the stop, well
/// inside a lease that would otherwise hold it back. A request still waiting at the stopping node (a nurse action relayed
/// to a site nobody owns) is answered 503 with Retry-After and a problem, not held until the stop times out.
/// </summary>
public sealed class GracefulStopTests : IDisposable
{
    /// <summary>Long: a standby that had to wait for the lease to run out could not take the site within it.</summary>
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(40);

    private readonly TempDatabase _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact(Timeout = 180_000)]
    public async Task OwnerStoppedWithARequestInFlight_ReleasesItsLeaseAtOnce_AndTheStandbyTakesTheSite()
    {
        var database = (await PostgreSqlCluster.SharedAsync()).NewDatabase();
        await using var broker = await MosquittoBroker.StartAsync(CancellationToken.None);
        var token = await SharedDatabaseWorkers.NurseTokenAsync(database, _folder.Folder);
        await using var workers = await NorthWorkers.StartOwnerAsync(database, broker, LeaseDuration);
        var standby = await workers.StartStandbyAsync();
        using var ownerNode = await NorthWorkers.NurseAsync(workers.Owner, token);

        // A chair of site south, whose owner is down: an action on it at the owner's node waits for an answer.
        await ExecuteAsync(database, "INSERT INTO controller_sites (controller_id, site) VALUES ('CHAIR-S9', 'south')");
        var waiting = NorthWorkers.PostStartAsync(ownerNode, "CHAIR-S9", "s-south");
        await SharedDatabaseWorkers.WaitAsync(async () => await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM nurse_commands") == 1, "the action waiting for south");

        var stoppedAt = await DatabaseNowAsync(database);
        Assert.Equal(0, await workers.Owner.StopAsync());

        using (var answer = await waiting)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.True(answer.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
            using var problem = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Contains("stopping", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await standby.WaitForOutputAsync("Site north: worker worker-b took the lease");
        var takenAfter = await SecondsAsync(database, stoppedAt, "SELECT expires_at - make_interval(secs => @lease) FROM site_leases WHERE site = 'north' AND owner = 'worker-b'");
        Assert.True(takenAfter < LeaseDuration.TotalSeconds / 2, string.Create(CultureInfo.InvariantCulture,
            $"the standby took north {takenAfter:F1} s after the stop (database clock); the owner's lease lasts {LeaseDuration.TotalSeconds} s\n{workers.Owner.Output}"));
        Assert.Contains("released its sites' leases", workers.Owner.Output, StringComparison.Ordinal);
        Assert.Equal(0L, await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) FROM nurse_commands")); // withdrawn: nobody had taken it
        Assert.Equal(0, await standby.StopAsync());
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<DateTime> DatabaseNowAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT clock_timestamp()", connection);
        return (DateTime)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Seconds from <paramref name="from"/> to the instant <paramref name="sql"/> gives, both on the database's clock.</summary>
    private static async Task<double> SecondsAsync(string database, DateTime from, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("lease", LeaseDuration.TotalSeconds);
        var at = (DateTime)(await command.ExecuteScalarAsync())!;
        return (at - from).TotalSeconds;
    }
}
