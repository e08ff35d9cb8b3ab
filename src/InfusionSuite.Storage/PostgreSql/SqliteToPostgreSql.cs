using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// Moves a suite: copies every table of a SQLite database into an empty PostgreSQL database, keys
/// included, in one PostgreSQL transaction (all or nothing). Both are first brought to the current schema
/// (the SQLite file as a start of the service would). The tables, their columns and their order come
/// from the EF Core model, so a table added by a later migration is copied too. Binary COPY per table,
/// then each identity sequence continues after the largest copied key. Refuses a PostgreSQL database
/// that holds any row. Stop the service on the SQLite file first: rows written during the copy would be missed.
/// </summary>
public static class SqliteToPostgreSql
{
    /// <summary>Copies and returns each table with its row count (the same on both sides, checked).</summary>
    public static async Task<IReadOnlyList<(string Table, long Rows)>> CopyAsync(string sqlitePath, string connectionString, CancellationToken cancellationToken)
    {
        if (!File.Exists(sqlitePath))
        {
            throw new FileNotFoundException($"No SQLite database at {sqlitePath}.", sqlitePath);
        }

        var sqlite = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(sqlitePath), Pooling = false }.ToString();
        await using var source = new InfusionSuiteDbContext(new DbContextOptionsBuilder<InfusionSuiteDbContext>().UseSqlite(sqlite).Options);
        await source.Database.MigrateAsync(cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var target = new InfusionSuiteDbContext(new DbContextOptionsBuilder<InfusionSuiteDbContext>()
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(PostgreSqlConnections.MigrationsAssembly)).Options))
        {
            await PostgreSqlInitializer.MigrateAsync(target, dataSource, cancellationToken);
        }

        var tables = InDependencyOrder(source.Model);
        await using var from = new SqliteConnection(sqlite);
        await from.OpenAsync(cancellationToken);
        await using var to = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await to.BeginTransactionAsync(cancellationToken);
        foreach (var table in tables)
        {
            if (await CountAsync(to, table.Name, cancellationToken) > 0)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL database is not empty (table {table.Name} has rows): the copy goes into a new, empty database only.");
            }
        }

        var copied = new List<(string, long)>(tables.Count);
        foreach (var table in tables)
        {
            var rows = await CopyTableAsync(from, to, table, cancellationToken);
            await ContinueIdentityAsync(to, table, cancellationToken);
            var stored = await CountAsync(to, table.Name, cancellationToken);
            if (stored != rows)
            {
                throw new InvalidOperationException($"Table {table.Name}: {rows} rows read, {stored} stored.");
            }

            copied.Add((table.Name, rows));
        }

        await transaction.CommitAsync(cancellationToken);
        return copied;
    }

    private static List<CopiedTable> InDependencyOrder(IModel model)
    {
        var entities = model.GetEntityTypes().Where(e => e.GetTableName() is not null).ToList();
        var ordered = new List<IEntityType>();
        while (ordered.Count < entities.Count)
        {
            var ready = entities.Where(e => !ordered.Contains(e)
                && e.GetForeignKeys().All(fk => fk.PrincipalEntityType == e || ordered.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The tables' foreign keys form a cycle.");
            }

            ordered.AddRange(ready.OrderBy(e => e.GetTableName(), StringComparer.Ordinal));
        }

        return [.. ordered.Select(e =>
        {
            var table = StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema());
            var columns = e.GetProperties().Select(p => new CopiedColumn(p.GetColumnName(table)!, Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)).ToList();
            var key = e.FindPrimaryKey()!.Properties;
            var identity = key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd ? key[0].GetColumnName(table) : null;
            return new CopiedTable(table.Name, columns, identity);
        })];
    }

    private static async Task<long> CopyTableAsync(SqliteConnection from, NpgsqlConnection to, CopiedTable table, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", table.Columns.Select(c => Quoted(c.Name)));
        var types = table.Columns.Select(c => TypeOf(c.Type)).ToArray();
        await using var read = from.CreateCommand();
        read.CommandText = $"SELECT {columns} FROM {Quoted(table.Name)}";
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        await using var import = await to.BeginBinaryImportAsync($"COPY {Quoted(table.Name)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            await import.StartRowAsync(cancellationToken);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (reader.IsDBNull(i))
                {
                    await import.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await import.WriteAsync(Convert.ChangeType(reader.GetValue(i), table.Columns[i].Type, CultureInfo.InvariantCulture), types[i], cancellationToken);
                }
            }

            rows++;
        }

        await import.CompleteAsync(cancellationToken);
        return rows;
    }

    /// <summary>The next key PostgreSQL hands out follows the largest copied one.</summary>
    private static async Task ContinueIdentityAsync(NpgsqlConnection to, CopiedTable table, CancellationToken cancellationToken)
    {
        if (table.Identity is not { } column)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            $"SELECT setval(s, coalesce((SELECT max({Quoted(column)}) FROM {Quoted(table.Name)}), 1), (SELECT count(*) > 0 FROM {Quoted(table.Name)})) " +
            $"FROM (SELECT pg_get_serial_sequence('{table.Name}', '{column}') AS s) AS sequence WHERE s IS NOT NULL",
            to);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {Quoted(table)}", connection);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string Quoted(string name) => "\"" + name + "\"";

    /// <summary>The PostgreSQL type of a column, from its CLR type in the model (the types the schema uses).</summary>
    private static NpgsqlDbType TypeOf(Type type) => type switch
    {
        _ when type == typeof(int) => NpgsqlDbType.Integer,
        _ when type == typeof(long) => NpgsqlDbType.Bigint,
        _ when type == typeof(short) => NpgsqlDbType.Smallint,
        _ when type == typeof(bool) => NpgsqlDbType.Boolean,
        _ when type == typeof(double) => NpgsqlDbType.Double,
        _ when type == typeof(string) => NpgsqlDbType.Text,
        _ when type == typeof(byte[]) => NpgsqlDbType.Bytea,
        _ => throw new NotSupportedException($"A column of type {type.Name} has no copy rule yet: add it here."),
    };

    private sealed record CopiedColumn(string Name, Type Type);

    private sealed record CopiedTable(string Name, IReadOnlyList<CopiedColumn> Columns, string? Identity);
}
