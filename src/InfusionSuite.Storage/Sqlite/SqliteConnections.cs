using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>Connections to the configured database file.</summary>
internal sealed class SqliteConnections(IOptions<StorageOptions> options)
{
    public string ConnectionString { get; } = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(options.Value.DatabasePath),
        DefaultTimeout = 30,
        Pooling = false,
    }.ToString();

    public string DatabasePath => Path.GetFullPath(options.Value.DatabasePath);

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
