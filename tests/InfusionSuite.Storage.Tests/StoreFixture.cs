using System.Globalization;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Fhir;
using InfusionSuite.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace InfusionSuite.Storage.Tests;

/// <summary>
/// The store as the host registers it, on either engine: a SQLite file in a fresh temp folder, or a fresh
/// database in this test process's PostgreSQL cluster (<see cref="PostgreSqlCluster"/>), dropped afterwards.
/// </summary>
internal sealed class StoreFixture : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("infusionsuite-storage-");
    private readonly IHost _host;
    private readonly bool _ownsDatabase;
    private static int s_workers;

    public StoreFixture(params ISessionEndParticipant[] participants)
        : this(StorageProvider.Sqlite, ehrDelivery: false, participants)
    {
    }

    /// <param name="ehrDelivery">Also FHIR delivery and its session-end participant (<c>AddEhrDelivery</c>), first among the participants.</param>
    public StoreFixture(bool ehrDelivery, params ISessionEndParticipant[] participants)
        : this(StorageProvider.Sqlite, ehrDelivery, participants)
    {
    }

    /// <param name="provider">The engine under test.</param>
    /// <param name="ehrDelivery">Also FHIR delivery and its session-end participant (<c>AddEhrDelivery</c>), first among the participants.</param>
    public StoreFixture(StorageProvider provider, bool ehrDelivery = false, params ISessionEndParticipant[] participants)
        : this(provider, null, ehrDelivery, participants)
    {
    }

    private StoreFixture(StorageProvider provider, string? sharedDatabase, bool ehrDelivery, ISessionEndParticipant[] participants, params string[] leaseSites)
    {
        Provider = provider;
        _ownsDatabase = sharedDatabase is null;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = provider.ToString() };
        if (provider == StorageProvider.PostgreSql)
        {
            ConnectionString = sharedDatabase ?? PostgreSqlCluster.SharedAsync().GetAwaiter().GetResult().NewDatabase();
            settings["Storage:ConnectionString"] = ConnectionString;
            settings["Storage:Leases:Worker"] = Worker;
            settings["Storage:Leases:Duration"] = "00:01:00";
            for (var i = 0; i < leaseSites.Length; i++)
            {
                settings[$"Storage:Leases:Sites:{i}"] = leaseSites[i];
            }
        }
        else
        {
            settings["Storage:DatabasePath"] = DatabasePath;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddStorage();
        if (ehrDelivery)
        {
            builder.Services.AddSingleton(BillingPolicy.Default);
            builder.AddEhrDelivery();
        }

        foreach (var participant in participants)
        {
            builder.Services.AddSingleton(participant);
        }

        _host = builder.Build();
    }

    public StorageProvider Provider { get; }

    /// <summary>A second store, as another worker's (owning <paramref name="sites"/>), on this fixture's PostgreSQL database (which this fixture drops).</summary>
    public StoreFixture AnotherWorkerOnTheSameDatabase(params string[] sites) => new(Provider, ConnectionString, ehrDelivery: false, [], sites);

    /// <summary>A PostgreSQL store of its own that owns <paramref name="sites"/>.</summary>
    public static StoreFixture PostgreSqlWorker(params string[] sites) => new(StorageProvider.PostgreSql, null, ehrDelivery: false, [], sites);

    /// <summary>This store's worker name in the lease table (leases last a minute unless released or expired by the test).</summary>
    public string Worker { get; } = $"worker-{Interlocked.Increment(ref s_workers)}";

    public string DatabasePath => Path.Combine(_folder.FullName, "store.db");

    /// <summary>The PostgreSQL database's connection string (null on SQLite).</summary>
    public string? ConnectionString { get; }

    public IIngestStore Store => _host.Services.GetRequiredService<IIngestStore>();

    public IServiceProvider Services => _host.Services;

    public async Task<IngestRecovery> OpenAsync() => await Store.OpenAsync(DateTimeOffset.MinValue.AddYears(1), CancellationToken.None);

    /// <summary>One value read straight from the database, as a number (counts, statuses).</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _host.Services.GetRequiredService<DatabaseConnections>().OpenAsync(CancellationToken.None);
        await using var command = connection.Command(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a statement straight on the database (the store's own connection settings).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await _host.Services.GetRequiredService<DatabaseConnections>().OpenAsync(CancellationToken.None);
        await using var command = connection.Command(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host.Services.GetRequiredService<IIngestStore>() is IAsyncDisposable store)
        {
            await store.DisposeAsync();
        }

        if (_host is IAsyncDisposable host)
        {
            await host.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        if (ConnectionString is not null && _ownsDatabase)
        {
            await DropDatabaseAsync(ConnectionString);
        }

        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    private static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
