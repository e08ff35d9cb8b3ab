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

    public static Task<List<long>> SeqsAsync(string databasePath, string controllerId) => ListAsync(databasePath, """
        SELECT t.seq FROM telemetry t JOIN controllers c ON c.controller_key = t.controller_key
        WHERE c.controller_id = $id ORDER BY t.ingest_seq
        """, controllerId);

    public static Task<List<long>> SessionSeqsAsync(string databasePath, string sessionId) => ListAsync(databasePath, """
        SELECT t.seq FROM telemetry t JOIN sessions s ON s.session_key = t.session_key
        WHERE s.session_id = $id ORDER BY t.ingest_seq
        """, sessionId);

    private static async Task<List<long>> ListAsync(string databasePath, string sql, string id)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        var values = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }
}
