using System.Diagnostics;
using InfusionSuite.Testing;
using Npgsql;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// The operator's commands on a PostgreSQL database (<c>--Storage:Provider=PostgreSql</c>), as a process:
/// <c>export-bundles</c> reads the outbox there, <c>backup</c> writes a pg_dump archive that pg_restore
/// brings back whole, and refuses to overwrite; <c>copy-to-postgresql</c> moves a suite's SQLite database there.
/// </summary>
public sealed class PostgreSqlCommandTests : IDisposable
{
    private const string HostAssembly = "InfusionSuite.Host.dll";

    private readonly TempDatabase _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact(Timeout = 180_000)]
    public async Task ExportBundlesAndBackup_WorkOnPostgreSql_AndTheBackupRestores()
    {
        var cluster = await PostgreSqlCluster.SharedAsync();
        var database = cluster.NewDatabase();
        string[] storage = ["--Storage:Provider=PostgreSql", "--Storage:ConnectionString=" + database];
        var bundles = Path.Combine(_folder.Folder, "bundles.ndjson");

        var (code, output, error) = await HostProcess.RunAsync(HostAssembly, _folder.Folder, null, ["export-bundles", "--out", bundles, .. storage]);
        Assert.True(code == 0, output + error);
        Assert.Contains("Wrote 0 FHIR Bundle(s)", output, StringComparison.Ordinal);

        await ExecuteAsync(database, """
            INSERT INTO outbox (id, session_id, kind, content_type, payload, status, enqueued_at_ticks, next_attempt_at_ticks)
            VALUES ('0193a0a0-0000-7000-8000-000000000001', 's-pg', 0, 'application/fhir+json', '{"resourceType":"Bundle","type":"transaction"}', 0, 100, 100)
            """);
        (code, output, error) = await HostProcess.RunAsync(HostAssembly, _folder.Folder, null, ["export-bundles", "--out", bundles, .. storage]);
        Assert.True(code == 0, output + error);
        Assert.Equal("""{"resourceType":"Bundle","type":"transaction"}""", Assert.Single(await File.ReadAllLinesAsync(bundles)));

        var archive = Path.Combine(_folder.Folder, "backups", "site.dump");
        (code, output, error) = await HostProcess.RunAsync(HostAssembly, _folder.Folder, null, ["backup", "--to", archive, .. storage]);
        Assert.True(code == 0, output + error);
        Assert.Contains("Backed up PostgreSQL database", output, StringComparison.Ordinal);

        var restored = cluster.NewDatabase();
        await ExecuteAsync(cluster.ConnectionString("postgres"), $"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(restored).Database}\"");
        Restore(cluster, restored, archive);
        await using (var connection = new NpgsqlConnection(restored))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox WHERE session_id = 's-pg'", connection);
            Assert.Equal(1L, await count.ExecuteScalarAsync());
        }

        (code, output, error) = await HostProcess.RunAsync(HostAssembly, _folder.Folder, null, ["backup", "--to", archive, .. storage]);
        Assert.Equal(1, code);
        Assert.Contains("exists already", output + error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task CopyToPostgreSql_MovesASuitesAccounts_AndRefusesAFullDatabase()
    {
        var cluster = await PostgreSqlCluster.SharedAsync();
        string[] storage = ["--Storage:Provider=PostgreSql", "--Storage:ConnectionString=" + cluster.NewDatabase()];
        var suite = Path.Combine(_folder.Folder, "suite.db");
        var (code, output, error) = await HostProcess.RunAsync(
            HostAssembly, _folder.Folder, "a long enough password\n", "users", "add", "--name", "ada", "--role", "admin", "--display", "Ada A", "--password-stdin", "--Storage:DatabasePath=" + suite);
        Assert.True(code == 0, output + error);

        (code, output, error) = await HostProcess.RunAsync(HostAssembly, _folder.Folder, null, ["copy-to-postgresql", "--from", suite, .. storage]);
        Assert.True(code == 0, output + error);
        Assert.Contains("users: 1 rows", output, StringComparison.Ordinal);
        (code, output, error) = await HostProcess.RunAsync(HostAssembly, _folder.Folder, null, ["users", "list", .. storage]);
        Assert.True(code == 0, output + error);
        Assert.Contains("ada", output, StringComparison.Ordinal);

        (code, output, error) = await HostProcess.RunAsync(HostAssembly, _folder.Folder, null, ["copy-to-postgresql", "--from", suite, .. storage]);
        Assert.Equal(1, code);
        Assert.Contains("not empty", error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task UsersOnANewDatabase_PrintOnlyWhatTheyAreFor_AndLogNoFailure()
    {
        // The operator's way (docs/operations.md): an empty database made with createdb; the first command migrates it.
        var cluster = await PostgreSqlCluster.SharedAsync();
        var empty = cluster.NewDatabase();
        await ExecuteAsync(cluster.ConnectionString("postgres"), $"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(empty).Database}\"");
        string[] storage = ["--Storage:Provider=PostgreSql", "--Storage:ConnectionString=" + empty];

        var (code, output, error) = await HostProcess.RunAsync(
            HostAssembly, _folder.Folder, "a long enough password\n", ["users", "add", "--name", "nina", "--role", "nurse", "--display", "Nina N", "--password-stdin", .. storage]);
        Assert.True(code == 0, output + error);
        Assert.Equal("Added nina (nurse).", output.Trim());
        AssertNoFailureNorSql(error);

        (code, output, error) = await HostProcess.RunAsync(HostAssembly, _folder.Folder, null, ["users", "token", "--name", "nina", .. storage]);
        Assert.True(code == 0, output + error);
        Assert.Matches("^isk_[0-9a-f]{64}$", output.TrimEnd('\n'));
        AssertNoFailureNorSql(error);

        // A database that does not exist yet: the first command creates it, quietly too.
        (code, output, error) = await HostProcess.RunAsync(HostAssembly, _folder.Folder, null, ["users", "list", "--Storage:Provider=PostgreSql", "--Storage:ConnectionString=" + cluster.NewDatabase()]);
        Assert.True(code == 0, output + error);
        Assert.DoesNotContain("SELECT", output, StringComparison.Ordinal);
        AssertNoFailureNorSql(error);
    }

    private static void AssertNoFailureNorSql(string error)
    {
        Assert.DoesNotContain("fail:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("SELECT", error, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void Restore(PostgreSqlCluster cluster, string connectionString, string archive)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(cluster.Binaries, "pg_restore")) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--host=" + cluster.Host, "--port=" + cluster.Port, "--username=postgres", "--dbname=" + target.Database, "--exit-on-error", archive })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "pg_restore did not finish");
        Assert.True(process.ExitCode == 0, error);
    }
}
