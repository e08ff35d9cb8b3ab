using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions.Inputs;
using System.Data.Common;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>
/// Reads one session's log back: its inputs and its samples, merged on the ingest sequence, so the
/// replay sees exactly the arrival order the writer folded.
/// </summary>
internal static class SessionLogReader
{
    /// <summary>Loads the session; inside <paramref name="transaction"/> when given (it sees that transaction's writes).</summary>
    public static async Task<StoredSession?> LoadAsync(
        DbConnection connection, string sessionId, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        int sessionKey;
        string controllerId;
        string policyJson;
        string? reported;
        await using (var head = connection.CreateCommand())
        {
            head.Transaction = transaction;
            head.CommandText = """
                SELECT s.session_key, c.controller_id, p.json, s.reported_fingerprint
                FROM sessions s JOIN controllers c ON c.controller_key = s.controller_key JOIN policies p ON p.policy_key = s.policy_key
                WHERE s.session_id = @id
                """;
            head.With("@id", sessionId);
            await using var reader = await head.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            sessionKey = reader.GetInt32(0);
            controllerId = reader.GetString(1);
            policyJson = reader.GetString(2);
            reported = reader.IsDBNull(3) ? null : reader.GetString(3);
        }

        var inputs = new List<(long Seq, SessionInput Input)>();
        await using (var query = connection.CreateCommand())
        {
            query.Transaction = transaction;
            query.CommandText = "SELECT ingest_seq, kind, payload FROM session_inputs WHERE session_key = @k ORDER BY ingest_seq";
            query.With("@k", sessionKey);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                inputs.Add((reader.GetInt64(0), InputLogCodec.Deserialize(reader.GetInt32(1), reader.GetString(2))));
            }
        }

        var log = new List<SessionInput>(inputs.Count + 1024);
        var next = 0;
        await using (var query = connection.CreateCommand())
        {
            query.Transaction = transaction;
            query.CommandText = """
                SELECT ingest_seq, boot, seq, ts_ms, received_offset_ms, packed, coolant, scalp, flow
                FROM telemetry WHERE session_key = @k ORDER BY ingest_seq
                """;
            query.With("@k", sessionKey);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var seq = reader.GetInt64(0);
                while (next < inputs.Count && inputs[next].Seq < seq)
                {
                    log.Add(inputs[next++].Input);
                }

                log.Add(Sample(reader, controllerId));
            }
        }

        while (next < inputs.Count)
        {
            log.Add(inputs[next++].Input);
        }

        return new StoredSession(sessionId, controllerId, InputLogCodec.DeserializePolicy(policyJson), log, reported);
    }

    /// <summary>The controller's samples and events no session took, received since <paramref name="receivedSince"/>, in ingest order.</summary>
    public static async Task<IReadOnlyList<UnassignedMessage>> LoadUnassignedAsync(
        DbConnection connection, string controllerId, DateTimeOffset receivedSince, CancellationToken cancellationToken)
    {
        var since = TelemetryColumns.Ms(receivedSince);
        var found = new List<UnassignedMessage>();
        await using (var query = connection.CreateCommand())
        {
            query.CommandText = """
                SELECT i.ingest_seq, i.kind, i.payload FROM session_inputs i JOIN controllers c ON c.controller_key = i.controller_key
                WHERE c.controller_id = @id AND i.session_key IS NULL AND i.received_at_ms >= @since
                """;
            query.With("@id", controllerId);
            query.With("@since", since);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(new UnassignedMessage(reader.GetInt64(0), InputLogCodec.Deserialize(reader.GetInt32(1), reader.GetString(2))));
            }
        }

        await using (var query = connection.CreateCommand())
        {
            query.CommandText = """
                SELECT t.ingest_seq, t.boot, t.seq, t.ts_ms, t.received_offset_ms, t.packed, t.coolant, t.scalp, t.flow
                FROM telemetry t JOIN controllers c ON c.controller_key = t.controller_key
                WHERE c.controller_id = @id AND t.session_key IS NULL AND t.ts_ms + t.received_offset_ms >= @since
                """;
            query.With("@id", controllerId);
            query.With("@since", since);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(new UnassignedMessage(reader.GetInt64(0), Sample(reader, controllerId)));
            }
        }

        found.Sort((a, b) => a.IngestSeq.CompareTo(b.IngestSeq));
        return found;
    }

    /// <summary>
    /// A telemetry row (ingest_seq, boot, seq, ts_ms, received_offset_ms, packed, coolant, scalp, flow, from column
    /// <paramref name="first"/> on) as the sample received.
    /// </summary>
    internal static TelemetryReceived Sample(DbDataReader reader, string controllerId, int first = 0)
    {
        var ts = reader.GetInt64(first + 3);
        var packed = reader.GetInt32(first + 5);
        var sample = new TelemetrySample(
            controllerId,
            unchecked((uint)reader.GetInt32(first + 1)),
            (uint)reader.GetInt64(first + 2),
            TelemetryColumns.Instant(ts),
            TelemetryColumns.State(packed),
            new Temperature((short)reader.GetInt32(first + 6)),
            reader.IsDBNull(first + 7) ? null : new Temperature((short)reader.GetInt32(first + 7)),
            (ushort)reader.GetInt32(first + 8),
            TelemetryColumns.CapConnected(packed),
            TelemetryColumns.Alarms(packed));
        return new TelemetryReceived(TelemetryColumns.Instant(ts + reader.GetInt64(first + 4)), sample);
    }
}
