using System.Security.Cryptography;
using System.Text;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using InfusionSuite.Storage.Outbox;
using Microsoft.Data.Sqlite;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>
/// The SQLite side of the single writer: one long-lived connection, one transaction per batch,
/// prepared commands reused across batches. Samples and controller events use INSERT OR IGNORE on
/// their (controller, boot, seq) key, so a message redelivered after a crash is stored once. What
/// <see cref="ISessionEndParticipant"/>s return for an ended session is written in the same transaction.
/// </summary>
internal sealed class SqliteIngestStore(
    SqliteConnections connections,
    DatabaseInitializer initializer,
    IEnumerable<ISessionEndParticipant> participants) : IIngestStore, IAsyncDisposable
{
    private readonly ISessionEndParticipant[] _participants = [.. participants];
    private readonly Dictionary<string, int> _controllerKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sessionKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _policyKeys = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;
    private WriteCommands? _commands;

    public async Task<IngestRecovery> OpenAsync(DateTimeOffset endedSince, CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        _connection ??= await connections.OpenAsync(cancellationToken);
        _commands ??= new WriteCommands(_connection);
        await LoadControllerKeysAsync(cancellationToken);

        var lastSeq = await ScalarAsync<long>(
            "SELECT max(coalesce((SELECT max(ingest_seq) FROM telemetry), 0), coalesce((SELECT max(ingest_seq) FROM session_inputs), 0))",
            cancellationToken);
        var ids = new List<string>();
        await using (var query = _connection.CreateCommand())
        {
            query.CommandText = "SELECT session_id FROM sessions WHERE ended_at_ms IS NULL OR ended_at_ms >= $since ORDER BY session_key";
            query.Parameters.AddWithValue("$since", TelemetryColumns.Ms(endedSince));
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        var sessions = new List<StoredSession>(ids.Count);
        foreach (var id in ids)
        {
            sessions.Add((await SessionLogReader.LoadAsync(_connection, id, cancellationToken))!);
        }

        return new IngestRecovery(lastSeq, sessions);
    }

    public async Task<StoredSession?> LoadSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await SessionLogReader.LoadAsync(connection, sessionId, cancellationToken);
    }

    public async Task CommitAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var connection = _connection ?? throw new InvalidOperationException("The store is not open.");
        var commands = _commands!;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            commands.Enlist(transaction);
            Write(batch, commands, cancellationToken);
            await WriteSessionEndsAsync(batch, transaction, cancellationToken);

            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // Keys handed out inside the rolled-back transaction are gone: forget them.
            await transaction.RollbackAsync(CancellationToken.None);
            _sessionKeys.Clear();
            _policyKeys.Clear();
            await LoadControllerKeysAsync(CancellationToken.None);
            throw;
        }
    }

    public async Task<IReadOnlyList<UnassignedMessage>> LoadUnassignedAsync(string controllerId, DateTimeOffset receivedSince, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new InvalidOperationException("The store is not open.");
        return await SessionLogReader.LoadUnassignedAsync(connection, controllerId, receivedSince, cancellationToken);
    }

    public async Task<int> PurgeUnassignedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new InvalidOperationException("The store is not open.");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var purge = connection.CreateCommand();
        purge.Transaction = transaction;
        purge.CommandText = """
            DELETE FROM telemetry WHERE session_key IS NULL AND ts_ms < $cutoff;
            DELETE FROM session_inputs WHERE session_key IS NULL AND received_at_ms < $cutoff;
            """;
        purge.Parameters.AddWithValue("$cutoff", TelemetryColumns.Ms(olderThan));
        var purged = await purge.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    public async ValueTask DisposeAsync()
    {
        _commands?.Dispose();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    /// <summary>
    /// Asks each participant what an ended session adds and writes it here, in the batch transaction:
    /// an ended session and its outbox items are committed together or not at all.
    /// </summary>
    private async Task WriteSessionEndsAsync(IngestBatch batch, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        if ((batch.EndedSessions.Count == 0 && batch.ChangedAfterEnd.Count == 0) || _participants.Length == 0)
        {
            return;
        }

        var reads = new BatchTransactionReads(transaction);
        foreach (var record in batch.EndedSessions)
        {
            foreach (var participant in _participants)
            {
                await InsertAsync(await participant.OnSessionEndedAsync(record, reads, cancellationToken), transaction, cancellationToken);
            }
        }

        foreach (var record in batch.ChangedAfterEnd)
        {
            foreach (var participant in _participants)
            {
                await InsertAsync(await participant.OnSessionChangedAfterEndAsync(record, reads, cancellationToken), transaction, cancellationToken);
            }
        }
    }

    private static async Task InsertAsync(IReadOnlyList<Application.Outbox.OutboxItem> items, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            await OutboxRows.InsertAsync(transaction.Connection!, transaction, item, cancellationToken);
        }
    }

    private void Write(IngestBatch batch, WriteCommands commands, CancellationToken cancellationToken)
    {
        foreach (var sighting in batch.Controllers)
        {
            var key = ControllerKey(commands, sighting.Hello.ControllerId, cancellationToken);
            commands.Hello(key, sighting);
        }

        foreach (var started in batch.StartedSessions)
        {
            StartSession(commands, started, cancellationToken);
        }

        foreach (var input in batch.Inputs)
        {
            var sessionKey = input.SessionId is null ? (int?)null : SessionKey(commands, input.SessionId, cancellationToken);
            var controllerKey = input.ControllerId is null ? (int?)null : ControllerKey(commands, input.ControllerId, cancellationToken);
            commands.Input(input, sessionKey, controllerKey);
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var telemetry in batch.Telemetry)
        {
            var sessionKey = telemetry.SessionId is null ? (int?)null : SessionKey(commands, telemetry.SessionId, cancellationToken);
            var controllerKey = ControllerKey(commands, telemetry.Sample.ControllerId, cancellationToken);
            commands.Telemetry(telemetry, controllerKey, sessionKey);
        }

        foreach (var entry in batch.Audit)
        {
            commands.Audit(entry, SessionKey(commands, entry.SessionId, cancellationToken));
        }

        foreach (var change in batch.StatusChanges)
        {
            commands.Status(SessionKey(commands, change.SessionId, cancellationToken), change);
        }

        foreach (var adopted in batch.Adopted)
        {
            commands.Adopt(adopted, SessionKey(commands, adopted.SessionId, cancellationToken));
        }
    }

    private void StartSession(WriteCommands commands, StartedSession started, CancellationToken cancellationToken)
    {
        var plan = started.Plan;
        var controllerKey = ControllerKey(commands, plan.ControllerId, cancellationToken);
        var courseKey = commands.Course(plan, started.Regimen, started.StartedAt);
        var policyJson = InputLogCodec.SerializePolicy(started.Policy);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(policyJson)));
        if (!_policyKeys.TryGetValue(hash, out var policyKey))
        {
            policyKey = commands.Policy(hash, policyJson);
            _policyKeys[hash] = policyKey;
        }

        _sessionKeys[plan.SessionId] = commands.Session(plan.SessionId, courseKey, controllerKey, policyKey, started.StartedAt);
    }

    private int ControllerKey(WriteCommands commands, string controllerId, CancellationToken cancellationToken)
    {
        if (!_controllerKeys.TryGetValue(controllerId, out var key))
        {
            cancellationToken.ThrowIfCancellationRequested();
            key = commands.NewController(controllerId);
            _controllerKeys[controllerId] = key;
        }

        return key;
    }

    private int SessionKey(WriteCommands commands, string sessionId, CancellationToken cancellationToken)
    {
        if (!_sessionKeys.TryGetValue(sessionId, out var key))
        {
            cancellationToken.ThrowIfCancellationRequested();
            key = commands.SessionKey(sessionId) ?? throw new InvalidOperationException("An input refers to a session that is not stored.");
            _sessionKeys[sessionId] = key;
        }

        return key;
    }

    private async Task LoadControllerKeysAsync(CancellationToken cancellationToken)
    {
        _controllerKeys.Clear();
        await using var query = _connection!.CreateCommand();
        query.CommandText = "SELECT controller_id, controller_key FROM controllers";
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _controllerKeys[reader.GetString(0)] = reader.GetInt32(1);
        }
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection!.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(cancellationToken))!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
