using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>Connections to the PostgreSQL database of <c>Storage:ConnectionString</c>, pooled by one Npgsql data source.</summary>
internal sealed class PostgreSqlConnections : DatabaseConnections, IAsyncDisposable
{
    /// <summary>The assembly that holds the PostgreSQL migrations (EF Core keeps one per provider).</summary>
    public const string MigrationsAssembly = "InfusionSuite.Storage.PostgreSql.Migrations";

    private readonly IOptions<StorageOptions> _options;
    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlConnections(
        IOptions<StorageOptions> options, IOptions<SiteLeaseOptions> leases, Application.Hosting.DatabaseOutage outage, TimeProvider time, ILogger<SiteLeases> logger)
    {
        ArgumentNullException.ThrowIfNull(outage);
        _options = options;
        _dataSource = NpgsqlDataSource.Create(options.Value.ConnectionString);
        Leases = new SiteLeases(_dataSource, leases.Value, outage, time, logger);
        outage.OutageSeen += (_, _) => _dataSource.Clear(); // idle pooled connections died with the server: every next one is fresh
    }

    /// <summary>This worker's site leases: taken before the writer's first batch, checked in each.</summary>
    public SiteLeases Leases { get; }

    public override string Name
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(_options.Value.ConnectionString);
            return $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
        }
    }

    public NpgsqlDataSource DataSource => _dataSource;

    public override IReadOnlyList<string>? OwnedSites => Leases.Sites is [SiteLeases.WholeDatabase] ? null : Leases.Sites;

    /// <summary>What is wrong with the connection string for an operator (never echoing it: it may hold a password), or null.</summary>
    public static string? Problem(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "Storage:ConnectionString is required (the PostgreSQL connection string) when Storage:Provider is PostgreSql.";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database)
                ? "Storage:ConnectionString must name a Host and a Database."
                : null;
        }
        catch (ArgumentException e)
        {
            return $"Storage:ConnectionString is not a valid connection string ({e.Message}).";
        }
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// The writer's connection, once this worker holds the leases of its sites: a standby waits here until the
    /// owner's leases run out (or are released at its stop) and then takes them, raising their fencing numbers.
    /// </summary>
    public override async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        await Leases.AcquireAsync(cancellationToken);
        return await OpenAsync(cancellationToken);
    }

    public override Task CheckWriterAsync(DbTransaction transaction, CancellationToken cancellationToken) =>
        Leases.CheckFenceAsync((NpgsqlConnection)transaction.Connection!, (NpgsqlTransaction)transaction, cancellationToken);

    public override Task ReleaseWriterAsync(CancellationToken cancellationToken) => Leases.ReleaseAsync(cancellationToken);

    /// <summary>
    /// A NOTIFY on <see cref="SessionChanges.Channel"/> per few hundred changed sessions, delivered to other nodes at the commit,
    /// the controllers' presence changes (<c>controller_presence</c>, with its NOTIFY), and the answers to the nurse actions other nodes sent (<see cref="Application.Ports.IngestBatch.Answers"/>), each with
    /// its NOTIFY to the sender: the action and its answer are committed together or not at all.
    /// </summary>
    public override async Task AnnounceChangesAsync(DbTransaction transaction, Application.Ports.IngestBatch batch, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)transaction.Connection!;
        foreach (var payload in SessionChanges.Payloads(Leases.Worker, batch))
        {
            await using var notify = new NpgsqlCommand($"SELECT pg_notify('{SessionChanges.Channel}', @payload)", connection, (NpgsqlTransaction)transaction);
            notify.Parameters.AddWithValue("payload", payload);
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }

        if (batch.Presence.Count > 0)
        {
            await WritePresenceAsync(connection, (NpgsqlTransaction)transaction, batch.Presence, cancellationToken);
        }

        foreach (var answer in batch.Answers)
        {
            await NurseCommandInbox.WriteAnswerAsync(connection, (NpgsqlTransaction)transaction, answer.CommandId, answer.Answer, cancellationToken);
        }
    }

    public override Task<bool> MayDispatchAsync(CancellationToken cancellationToken) => Leases.HoldDispatchAsync(cancellationToken);

    /// <summary>Each writer start draws a block of 2^40 ingest sequence numbers (a trillion rows), so workers writing at once never collide.</summary>
    public override async Task<long> ContinueIngestOrderAsync(DbConnection connection, long lastStored, CancellationToken cancellationToken)
    {
        await using var block = connection.Command("SELECT greatest(@last, nextval('ingest_order_blocks') * 1099511627776)").With("@last", lastStored);
        return (long)(await block.ExecuteScalarAsync(cancellationToken))!;
    }

    public override void ConfigureContext(DbContextOptionsBuilder options) =>
        options.UseNpgsql(_dataSource, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));

    /// <summary>
    /// The presence changes this owner heard, with the lease it holds (its list's first site and fencing number: a list fails
    /// over as one), and a NOTIFY: other nodes' boards show the chairs as this owner hears them while that lease is live.
    /// </summary>
    private async Task WritePresenceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Application.Ports.ControllerPresenceNote> notes, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var note in notes)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "INSERT INTO controller_presence (controller_id, worker, lease_site, fence, online, changed_at) VALUES ($1, $2, $3, $4, $5, $6) " +
                "ON CONFLICT (controller_id) DO UPDATE SET worker = excluded.worker, lease_site = excluded.lease_site, fence = excluded.fence, " +
                "online = excluded.online, changed_at = excluded.changed_at")
            {
                Parameters =
                {
                    new() { Value = note.ControllerId }, new() { Value = Leases.Worker }, new() { Value = Leases.Sites[0] },
                    new() { Value = Leases.Fences[0] }, new() { Value = note.Online }, new() { Value = note.At.UtcDateTime },
                },
            });
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_notify('{NodeNotifications.PresenceChannel}', $1)") { Parameters = { new() { Value = Leases.Worker } } });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public override IWriteCommands CreateWriteCommands(DbConnection connection) => new PostgreSqlWriteCommands((NpgsqlConnection)connection);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
