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

    public override void ConfigureContext(DbContextOptionsBuilder options) =>
        options.UseNpgsql(_dataSource, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));

    public override IWriteCommands CreateWriteCommands(DbConnection connection) => new PostgreSqlWriteCommands((NpgsqlConnection)connection);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
