using InfusionSuite.Application.Ports;
using InfusionSuite.Storage.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// A batch's samples by binary COPY into a session-local staging table, then one
/// <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c> into <c>telemetry</c> (COPY alone cannot skip a
/// redelivered sample). The staging table empties itself at every commit.
/// </summary>
internal sealed class TelemetryCopy
{
    private const string Columns = "ingest_seq, controller_key, boot, seq, ts_ms, received_offset_ms, packed, coolant, scalp, flow, session_key";

    private readonly List<Row> _rows = [];

    public static string StagingTable => """
        CREATE TEMP TABLE IF NOT EXISTS telemetry_incoming (LIKE telemetry INCLUDING DEFAULTS) ON COMMIT DELETE ROWS
        """;

    public void Add(in StoredTelemetry stored, int controllerKey, int? sessionKey)
    {
        var sample = stored.Sample;
        var ts = TelemetryColumns.Ms(sample.Timestamp);
        _rows.Add(new Row(
            stored.IngestSeq, controllerKey, unchecked((int)sample.Boot), sample.Seq, ts, TelemetryColumns.Ms(stored.ReceivedAt) - ts,
            TelemetryColumns.Pack(sample), sample.CoolantC.Tenths, sample.ScalpC?.Tenths, sample.FlowMlMin, sessionKey));
    }

    public void Clear() => _rows.Clear();

    /// <summary>Copies the held samples into the staging table and returns the statement that moves them into <c>telemetry</c>, or null when none is held.</summary>
    public async Task<NpgsqlBatchCommand?> WriteAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (_rows.Count == 0)
        {
            return null;
        }

        await using (var import = await connection.BeginBinaryImportAsync($"COPY telemetry_incoming ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in _rows)
            {
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(row.IngestSeq, NpgsqlDbType.Bigint, cancellationToken);
                await import.WriteAsync(row.ControllerKey, NpgsqlDbType.Integer, cancellationToken);
                await import.WriteAsync(row.Boot, NpgsqlDbType.Integer, cancellationToken);
                await import.WriteAsync((long)row.Seq, NpgsqlDbType.Bigint, cancellationToken);
                await import.WriteAsync(row.TsMs, NpgsqlDbType.Bigint, cancellationToken);
                await import.WriteAsync(row.ReceivedOffsetMs, NpgsqlDbType.Bigint, cancellationToken);
                await import.WriteAsync(row.Packed, NpgsqlDbType.Integer, cancellationToken);
                await import.WriteAsync((int)row.Coolant, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(import, row.Scalp, cancellationToken);
                await import.WriteAsync((int)row.Flow, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(import, row.SessionKey, cancellationToken);
            }

            await import.CompleteAsync(cancellationToken);
        }

        _rows.Clear();
        return new NpgsqlBatchCommand($"INSERT INTO telemetry ({Columns}) SELECT {Columns} FROM telemetry_incoming ON CONFLICT DO NOTHING");
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter import, int? value, CancellationToken cancellationToken)
    {
        if (value is { } present)
        {
            await import.WriteAsync(present, NpgsqlDbType.Integer, cancellationToken);
        }
        else
        {
            await import.WriteNullAsync(cancellationToken);
        }
    }

    private readonly record struct Row(
        long IngestSeq, int ControllerKey, int Boot, uint Seq, long TsMs, long ReceivedOffsetMs, int Packed, short Coolant, short? Scalp, ushort Flow, int? SessionKey);
}
