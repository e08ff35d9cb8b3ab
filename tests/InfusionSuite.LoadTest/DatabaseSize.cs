using Microsoft.Data.Sqlite;

namespace InfusionSuite.LoadTest;

/// <summary>
/// The database file after the WAL was checkpointed into it (the worker stopped): its size and
/// the samples in it. Measured before and after a run, the growth per sample stored is what a
/// sample costs on disk, its indexes included.
/// </summary>
internal sealed record DatabaseSize(long Samples, long FileBytes)
{
    public double BytesPerSampleSince(DatabaseSize before) => (double)(FileBytes - before.FileBytes) / (Samples - before.Samples);

    public static async Task<DatabaseSize> MeasureAsync(string databasePath, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false };
        long samples;
        await using (var connection = new SqliteConnection(builder.ToString()))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = "SELECT count(*) FROM telemetry";
            samples = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        var wal = databasePath + "-wal";
        var bytes = new FileInfo(databasePath).Length + (File.Exists(wal) ? new FileInfo(wal).Length : 0);
        return new DatabaseSize(samples, bytes);
    }
}
