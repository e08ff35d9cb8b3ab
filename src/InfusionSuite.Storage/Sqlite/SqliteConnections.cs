using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>Connections to the configured database file.</summary>
internal sealed class SqliteConnections(IOptions<StorageOptions> options) : DatabaseConnections
{
    public string ConnectionString { get; } = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(options.Value.DatabasePath),
        DefaultTimeout = 30,
        Pooling = false,
    }.ToString();

    public string DatabasePath => Path.GetFullPath(options.Value.DatabasePath);

    public override string Name => DatabasePath;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await OpenFileAsync(cancellationToken);

    public async Task<SqliteConnection> OpenFileAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public override void ConfigureContext(DbContextOptionsBuilder options) => options.UseSqlite(ConnectionString);

    public override IWriteCommands CreateWriteCommands(DbConnection connection) => new WriteCommands((SqliteConnection)connection);

    /// <summary>Deferred: a SQLite read takes no write lock, so it never waits for nor blocks the writer.</summary>
    public override Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));
}
