using Microsoft.Data.Sqlite;

namespace InfusionSuite.Worker.Tests;

/// <summary>Reads the worker's SQLite file directly, as an engineer would.</summary>
internal static class StoredRows
{
    public static async Task<long> ScalarAsync(string databasePath, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<List<long>> SeqsAsync(string databasePath, string controllerId)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT t.seq FROM telemetry t JOIN controllers c ON c.controller_key = t.controller_key
            WHERE c.controller_id = $id ORDER BY t.ingest_seq
            """;
        command.Parameters.AddWithValue("$id", controllerId);
        var seqs = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            seqs.Add(reader.GetInt64(0));
        }

        return seqs;
    }
}
