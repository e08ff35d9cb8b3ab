using InfusionSuite.Application.Ports;
using InfusionSuite.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfusionSuite.Storage.Tests;

/// <summary>
/// Opening the database at start: a migration lock left by a killed process is cleared, a gate held by
/// a live process is waited for only so long, a corrupt file is refused by name (never half-used); an
/// unreachable PostgreSQL server is refused naming the server, never the password.
/// </summary>
public sealed class DatabaseStartTests
{
    [Fact(Timeout = 60_000)]
    public async Task MigrationLockLeftByAKilledProcess_IsCleared_AndTheStartGoesOn()
    {
        await using var store = new StoreFixture();
        await Migrator(store).EnsureMigratedAsync(CancellationToken.None);
        await ExecuteAsync(store.DatabasePath, "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-27 09:00:00+00:00')");

        // The next start (a new process: a new initializer) would wait for ever on that row.
        await Initializer(store, TimeSpan.FromSeconds(5)).EnsureMigratedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.Equal(0L, await ExecuteAsync(store.DatabasePath, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
        await store.OpenAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task GateHeldByALiveProcess_StopsWaitingInBoundedTime_NamingIt()
    {
        await using var store = new StoreFixture();
        using var held = new FileStream(MigrationGate.PathFor(store.DatabasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var initializer = Initializer(store, TimeSpan.FromMilliseconds(300));

        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => initializer.EnsureMigratedAsync(CancellationToken.None));

        Assert.Contains(store.DatabasePath, refused.Message, StringComparison.Ordinal);
        Assert.Contains("another process is migrating", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task CorruptInteriorPage_IsRefusedAtStart_NamingTheFile()
    {
        await using var store = new StoreFixture();
        await ExecuteAsync(store.DatabasePath, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
        await ExecuteAsync(store.DatabasePath, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO notes SELECT i, printf('%.200c', 'x') FROM n");
        await using (var file = new FileStream(store.DatabasePath, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = 2 * 4096L;
            file.Write([.. Enumerable.Repeat((byte)0xA5, 4096)]);
        }

        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => Migrator(store).EnsureMigratedAsync(CancellationToken.None));

        Assert.StartsWith($"Storage: the database {store.DatabasePath} is corrupt (", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task PostgreSqlServerNotReachable_IsRefusedAtStart_NamingTheServerNotThePassword()
    {
        var port = Testing.FreePort.Next();
        var connectionString = $"Host=127.0.0.1;Port={port};Database=site;Username=infusionsuite;Password=secret-word;Timeout=3";
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = connectionString });
        builder.AddStorage();
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => host.Services.GetRequiredService<IDatabaseMigrator>().EnsureMigratedAsync(CancellationToken.None));

        Assert.Equal($"Storage: cannot reach the PostgreSQL database site on 127.0.0.1:{port}; check that the server runs and that Storage:ConnectionString names it.", refused.Message);
        Assert.DoesNotContain("secret-word", refused.ToString(), StringComparison.Ordinal);
    }

    private static IDatabaseMigrator Migrator(StoreFixture store) => store.Services.GetRequiredService<IDatabaseMigrator>();

    private static DatabaseInitializer Initializer(StoreFixture store, TimeSpan gateWaitLimit) => new(
        store.Services.GetRequiredService<IDbContextFactory<InfusionSuiteDbContext>>(),
        store.Services.GetRequiredService<SqliteConnections>(),
        InfusionSuite.Application.Hosting.IoTime.System,
        NullLogger<DatabaseInitializer>.Instance) { GateWaitLimit = gateWaitLimit };

    private static async Task<object?> ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
