using System.Data.Common;
using System.Globalization;
using InfusionSuite.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InfusionSuite.LoadTest;

/// <summary>
/// The worker's database for a run (<c>--storage</c>): a SQLite file in the run's folder, or a database
/// in a PostgreSQL cluster of the run's own, durable as a site runs it (fsync and synchronous commit on).
/// The seeder, the worker, the commit probe and the size measurement all reach it through here.
/// </summary>
internal sealed class LoadDatabase : IAsyncDisposable
{
    private readonly string _path;
    private readonly PostgreSqlCluster? _cluster;

    private LoadDatabase(string path, PostgreSqlCluster? cluster)
    {
        _path = path;
        _cluster = cluster;
    }

    public bool IsPostgreSql => _cluster is not null;

    public string Name => IsPostgreSql ? "PostgreSQL (durable: fsync, synchronous_commit on)" : "SQLite " + _path;

    public static async Task<LoadDatabase> CreateAsync(bool postgreSql, Workspace workspace) =>
        postgreSql
            ? new LoadDatabase(string.Empty, await PostgreSqlCluster.StartAsync(durable: true))
            : new LoadDatabase(workspace.PathOf("worker.db"), null);

    /// <summary>The storage settings for the seeder and the worker.</summary>
    /// <summary>The worker's storage settings, and room for every virtual controller to register itself (at most 10,000).</summary>
    public Dictionary<string, string> Settings()
    {
        var settings = IsPostgreSql
            ? new Dictionary<string, string> { ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = ConnectionString }
            : new Dictionary<string, string> { ["Storage:DatabasePath"] = _path };
        settings["Ingest:AutoRegisteredControllerLimit"] = "10000";
        return settings;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = IsPostgreSql
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Samples stored and bytes on disk. SQLite: the file after its WAL was checkpointed into it (the worker
    /// stopped). PostgreSQL: the database's data files after a checkpoint (pg_database_size; the server's WAL is not counted).
    /// </summary>
    public async Task<DatabaseSize> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = IsPostgreSql ? "CHECKPOINT" : "PRAGMA wal_checkpoint(TRUNCATE)";
        await command.ExecuteNonQueryAsync(cancellationToken);
        command.CommandText = "SELECT count(*) FROM telemetry";
        var samples = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (IsPostgreSql)
        {
            command.CommandText = "SELECT pg_database_size(current_database())";
            return new DatabaseSize(samples, Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
        }

        var wal = _path + "-wal";
        return new DatabaseSize(samples, new FileInfo(_path).Length + (File.Exists(wal) ? new FileInfo(wal).Length : 0));
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    private string ConnectionString => _cluster!.ConnectionString("load");
}
