using InfusionSuite.Application.Ports;
using InfusionSuite.Storage.PostgreSql;
using Npgsql;

namespace InfusionSuite.Storage;

/// <summary>Reads <c>site_leases</c> for operators (PostgreSQL); a single suite (SQLite) has no leases.</summary>
internal sealed class SiteOwnershipReader(DatabaseConnections connections) : ISiteOwnership
{
    public string? Worker => (connections as PostgreSqlConnections)?.Leases.Worker;

    public IReadOnlyList<string> Sites => (connections as PostgreSqlConnections)?.Leases.Sites ?? [];

    public bool IsOwner => connections is not PostgreSqlConnections { Leases.IsHeld: false };

    public async Task<IReadOnlyList<SiteOwner>> OwnersAsync(CancellationToken cancellationToken)
    {
        if (connections is not PostgreSqlConnections postgreSql)
        {
            return [];
        }

        await using var connection = await postgreSql.DataSource.OpenConnectionAsync(cancellationToken);
        await using var query = new NpgsqlCommand(
            "SELECT site, owner, fence, expires_at, expires_at > clock_timestamp() FROM site_leases ORDER BY site", connection);
        var owners = new List<SiteOwner>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            owners.Add(new SiteOwner(
                reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetBoolean(4)));
        }

        return owners;
    }
}
