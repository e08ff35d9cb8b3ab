using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>Connections to the PostgreSQL database of <c>Storage:ConnectionString</c>, pooled by one Npgsql data source.</summary>
internal sealed class PostgreSqlConnections(IOptions<StorageOptions> options) : DatabaseConnections, IAsyncDisposable
{
    /// <summary>The assembly that holds the PostgreSQL migrations (EF Core keeps one per provider).</summary>
    public const string MigrationsAssembly = "InfusionSuite.Storage.PostgreSql.Migrations";

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(options.Value.ConnectionString);

    public override string Name
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
            return $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
        }
    }

    public NpgsqlDataSource DataSource => _dataSource;

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
    /// A connection of its own (not pooled) holding a session-level advisory lock for as long as it lives: a
    /// second worker on the same database is refused at start, and a worker whose connection is gone has lost
    /// the lock with the only connection it writes on. PostgreSQL frees the lock when the connection closes or
    /// the process dies, however it dies.
    /// </summary>
    public override async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString) { Pooling = false };
        var connection = new NpgsqlConnection(unpooled.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var claim = connection.Command("SELECT pg_try_advisory_lock(@key)").With("@key", WriterLockKey);
            if (await claim.ExecuteScalarAsync(cancellationToken) is not true)
            {
                throw new Application.Ports.StorageUnavailableException(
                    $"Storage: another worker writes the {Name} (it holds the writer's lock); run one worker per database.");
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The advisory lock key of the writer (any fixed number; "ISWR" in ASCII).</summary>
    public const long WriterLockKey = 0x49535752;

    public override void ConfigureContext(DbContextOptionsBuilder options) =>
        options.UseNpgsql(_dataSource, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));

    public override IWriteCommands CreateWriteCommands(DbConnection connection) => new PostgreSqlWriteCommands((NpgsqlConnection)connection);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
