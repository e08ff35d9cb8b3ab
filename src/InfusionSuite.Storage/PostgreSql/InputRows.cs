using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions.Inputs;
using InfusionSuite.Storage.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>A batch's session inputs as column arrays, inserted by one statement (ON CONFLICT DO NOTHING on (controller, boot, seq, ts) keeps a redelivered event once).</summary>
internal sealed class InputRows
{
    private readonly List<long> _ingestSeq = [];
    private readonly List<int?> _session = [];
    private readonly List<int?> _controller = [];
    private readonly List<int> _kind = [];
    private readonly List<int?> _boot = [];
    private readonly List<long?> _seq = [];
    private readonly List<long> _receivedAt = [];
    private readonly List<string> _payload = [];
    private readonly List<long?> _ts = [];

    public void Add(StoredInput stored, int? sessionKey, int? controllerKey)
    {
        var deviceEvent = stored.Input is DeviceEventReceived received ? received.Event : null;
        var key = deviceEvent?.Key;
        _ingestSeq.Add(stored.IngestSeq);
        _session.Add(sessionKey);
        _controller.Add(controllerKey);
        _kind.Add(InputLogCodec.KindOf(stored.Input));
        _boot.Add(key is { } k1 ? unchecked((int)k1.Boot) : null);
        _seq.Add(key is { } k2 ? (long)k2.Seq : null);
        _receivedAt.Add(TelemetryColumns.Ms(stored.Input.ReceivedAt));
        _payload.Add(InputLogCodec.Serialize(stored.Input));
        _ts.Add(deviceEvent is { } e ? TelemetryColumns.Ms(e.Timestamp) : null);
    }

    public void Clear()
    {
        _ingestSeq.Clear();
        _session.Clear();
        _controller.Clear();
        _kind.Clear();
        _boot.Clear();
        _seq.Clear();
        _receivedAt.Clear();
        _payload.Clear();
        _ts.Clear();
    }

    /// <summary>The insert of every held input, or null when none is held.</summary>
    public NpgsqlBatchCommand? Command()
    {
        if (_ingestSeq.Count == 0)
        {
            return null;
        }

        var command = new NpgsqlBatchCommand(
            "INSERT INTO session_inputs (ingest_seq, session_key, controller_key, kind, boot, seq, received_at_ms, payload, ts_ms) " +
            "SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = _ingestSeq.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = _session.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = _controller.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = _kind.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = _boot.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = _seq.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = _receivedAt.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = _payload.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = _ts.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        return command;
    }
}
