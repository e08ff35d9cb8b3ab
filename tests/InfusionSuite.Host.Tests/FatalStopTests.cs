using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// The built host run as systemd runs it (<c>deploy/infusionsuite.service</c>, <c>Restart=on-failure</c>
/// restarts only on a non-zero exit): a database it cannot use stops it at start, and a storage
/// failure at run time stops it, each with a non-zero exit and one clear line naming the cause, no
/// stack trace; a migration lock left by a killed process no longer makes every later start hang.
/// </summary>
public sealed class FatalStopTests : IDisposable
{
    private const string Stopped = "InfusionSuite stopped: ";

    private readonly string _data = Directory.CreateTempSubdirectory("infusionsuite-fatal-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // left for the OS to clean
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task CorruptInteriorPage_AtStart_ExitsNonZero_WithOneLineNamingTheFile()
    {
        var database = Path.Combine(_data, "infusionsuite.db");
        await FillAsync(database);
        CorruptPage(database, 3);

        var run = await HostRun.StartAsync(_data, Settings(database));
        var exit = await run.WaitForExitAsync();

        AssertFatal(exit, run, database, "corrupt");
    }

    [Theory(Timeout = 120_000)]
    [InlineData("users", "list")]
    [InlineData("users", "unlock", "--name", "alice")]
    public async Task CommandOnACorruptDatabase_ExitsOne_WithOneLineNamingTheFile(params string[] command)
    {
        var database = Path.Combine(_data, "infusionsuite.db");
        await FillAsync(database);
        CorruptPage(database, 3);

        var run = await HostRun.StartAsync(_data, [.. command, .. Settings(database)]);
        var exit = await run.WaitForExitAsync();

        Assert.Equal(1, exit);
        AssertFatal(exit, run, database, "corrupt");
    }

    [Fact(Timeout = 120_000)]
    public async Task ReadOnlyFolder_AtStart_ExitsNonZero_SayingReadOnly()
    {
        HostRun.MakeReadableByAll(_data); // nobody reaches the folder and finds it read-only, not out of reach
        var folder = Directory.CreateDirectory(Path.Combine(_data, "locked")).FullName;
        var database = Path.Combine(folder, "infusionsuite.db");
        HostRun.MakeUnwritableForTheHost(folder);

        var run = await HostRun.StartAsync(_data, Settings(database), unprivileged: true);
        var exit = await run.WaitForExitAsync();

        AssertFatal(exit, run, database, "read-only");
        Assert.DoesNotContain("unable to open database file", run.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task StaleMigrationLock_IsCleared_TheHostStarts_AndAnOrdinaryStopExitsZero()
    {
        var database = Path.Combine(_data, "infusionsuite.db");
        var first = await HostRun.StartAsync(_data, Settings(database));
        await first.WaitForOutputAsync("Application started");
        Assert.Equal(0, await first.StopAsync());

        // What a process killed while EF Core held its migration lock leaves behind.
        await ExecuteAsync(database, "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-27 09:00:00+00:00')");

        var second = await HostRun.StartAsync(_data, Settings(database));
        await second.WaitForOutputAsync("Application started");
        Assert.Contains("stale EF Core migration lock", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, await second.StopAsync());
        Assert.Equal(0L, await ExecuteAsync(database, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
    }

    [Fact(Timeout = 180_000)]
    public async Task SecondHostOnTheSameSqliteDatabase_ExitsNonZero_WithOneLineNamingIt_AndTheFirstServesOn()
    {
        var database = Path.Combine(_data, "infusionsuite.db");
        var first = await HostRun.StartAsync(_data, Settings(database));
        await first.WaitForOutputAsync("Application started");

        var second = await HostRun.StartAsync(_data, Settings(database));
        var exit = await second.WaitForExitAsync();

        AssertFatal(exit, second, database, "in use by another running InfusionSuite");
        Assert.DoesNotContain("Application started", second.Output, StringComparison.Ordinal);
        Assert.False(first.HasExited, "the first host stopped: " + first.Error);
        Assert.Equal(0, await first.StopAsync());
    }

    [Fact(Timeout = 120_000)]
    public async Task PortInUse_AtStart_ExitsNonZero_WithOneLineNamingIt_BeforeTheDatabaseIsMade()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        var database = Path.Combine(_data, "infusionsuite.db");
        var url = $"http://127.0.0.1:{port}";

        var run = await HostRun.StartAsync(_data, ["--Storage:DatabasePath=" + database, "--urls=" + url, "--Logging:Console:FormatterName=simple"]);
        var exit = await run.WaitForExitAsync();

        Assert.True(exit != 0, "exit code " + exit + ": " + run.Error);
        var line = Assert.Single(run.ErrorLines, l => l.StartsWith(Stopped, StringComparison.Ordinal));
        Assert.Contains(url, line, StringComparison.Ordinal);
        Assert.Contains("in use by another process", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database), "the database was made before the port was checked");
    }

    private static string[] Settings(string database) =>
        ["--Storage:DatabasePath=" + database, "--urls=http://127.0.0.1:0", "--Logging:Console:FormatterName=simple"];

    private static void AssertFatal(int exit, HostRun run, string database, string cause)
    {
        Assert.True(exit != 0, "exit code " + exit + ": " + run.Error);
        var line = Assert.Single(run.ErrorLines, l => l.StartsWith(Stopped, StringComparison.Ordinal));
        Assert.Contains(database, line, StringComparison.Ordinal);
        Assert.Contains(cause, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    /// <summary>A database whose one table spans many pages.</summary>
    private static async Task FillAsync(string database)
    {
        await ExecuteAsync(database, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
        await ExecuteAsync(database, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO notes SELECT i, printf('%.200c', 'x') FROM n");
    }

    /// <summary>Overwrites one interior page (1-based) with garbage, leaving the header and schema intact.</summary>
    private static void CorruptPage(string database, int page)
    {
        using var file = new FileStream(database, FileMode.Open, FileAccess.ReadWrite);
        file.Position = (page - 1) * 4096L;
        file.Write([.. Enumerable.Repeat((byte)0xA5, 4096)]);
    }

    private static async Task<object?> ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
