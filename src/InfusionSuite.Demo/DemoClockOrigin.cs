using Microsoft.Data.Sqlite;

namespace InfusionSuite.Demo;

/// <summary>
/// Where a demo's scaled clock starts: now, or just after the latest instant an earlier run stored in
/// the same database (its clock ran ahead of the real one), so no stored session lies in the future.
/// </summary>
internal static class DemoClockOrigin
{
    /// <summary>Margin after the latest stored instant.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    public static (DateTimeOffset Start, DateTimeOffset? LatestStored) Choose(string databasePath, DateTimeOffset realNow)
    {
        var latest = LatestStoredInstant(databasePath);
        return (latest is { } l && l + Margin > realNow ? l + Margin : realNow, latest);
    }

    /// <summary>The latest received or effective instant in the database; null when there is none (no file, no schema, empty).</summary>
    public static DateTimeOffset? LatestStoredInstant(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT MAX(m) FROM (
              SELECT MAX(started_at_ms) AS m FROM sessions
              UNION ALL SELECT MAX(ended_at_ms) FROM sessions
              UNION ALL SELECT MAX(entered_at_ms) FROM nurse_audit
              UNION ALL SELECT MAX(effective_at_ms) FROM nurse_audit
              UNION ALL SELECT ts_ms + received_offset_ms FROM (SELECT ts_ms, received_offset_ms FROM telemetry ORDER BY ingest_seq DESC LIMIT 1)
            )
            """;
        try
        {
            return command.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            return null; // no schema yet: the first run was stopped before its migrations
        }
    }
}
