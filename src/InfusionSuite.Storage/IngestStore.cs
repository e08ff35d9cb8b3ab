using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using InfusionSuite.Storage.Outbox;
using InfusionSuite.Storage.Sqlite;

namespace InfusionSuite.Storage;

/// <summary>
/// The storage side of the single writer, on either engine: one long-lived connection, one transaction
/// per batch, the engine's write commands (<see cref="IWriteCommands"/>) reused across batches. Samples
/// and controller events are inserted with ON CONFLICT DO NOTHING on their (controller, boot, seq, ts) key,
/// so a message redelivered after a crash is stored once. What <see cref="ISessionEndParticipant"/>s
/// return for an ended session is written in the same transaction. At its start the writer rebuilds only the sessions
/// of the sites it owns (<see cref="DatabaseConnections.OwnedSites"/>).
/// </summary>
internal sealed class IngestStore(
    DatabaseConnections connections,
    IDatabaseMigrator initializer,
    Application.Hosting.DatabaseOutage outage,
    IEnumerable<ISessionEndParticipant> participants) : IIngestStore, IAsyncDisposable
{
    /// <summary>Set when any loop met an outage: the writer's long-lived connection died with the server too, even if idle since.</summary>
    private volatile bool _connectionSuspect;

    /// <summary>Session <c>s</c>'s chair speaks from a site that is not one of <c>@sites</c> (PostgreSQL): another worker holds it.</summary>
    internal const string OtherSite =
        "SELECT 1 FROM controllers c JOIN controller_sites cs ON cs.controller_id = c.controller_id " +
        "WHERE c.controller_key = s.controller_key AND NOT cs.site = ANY(@sites)";

    /// <summary>The sessions a board shows (open, or ended at or after <c>@since</c>), on every node: the writer rebuilds them, the boards read them back.</summary>
    internal const string ShownOnBoard = "(s.ended_at_ms IS NULL OR s.ended_at_ms >= @since)";

    /// <summary>
    /// How often at most a controller's <c>controllers.last_heard_at_ms</c> is written: the board keeps a chair by when its
    /// controller was last heard (hours), so a minute's lag costs nothing, and 2,000 controllers cost 33 updates a second at most.
    /// </summary>
    internal static readonly TimeSpan LastHeardEvery = TimeSpan.FromMinutes(1);

    private readonly ISessionEndParticipant[] _participants = [.. participants];
    private readonly Dictionary<string, int> _controllerKeys = new(StringComparer.Ordinal);

    /// <summary>The last-heard instant committed per controller key (ms), and those written in the batch not yet committed.</summary>
    private readonly Dictionary<int, long> _lastHeardWritten = [];
    private readonly Dictionary<int, long> _lastHeardPending = [];
    private readonly Dictionary<string, int> _sessionKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _policyKeys = new(StringComparer.Ordinal);
    private DbConnection? _connection;
    private IWriteCommands? _commands;
    private bool _opened;

    public async Task<IngestRecovery> OpenAsync(DateTimeOffset endedSince, CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        _opened = true;
        outage.OutageSeen += (_, _) => _connectionSuspect = true;
        _connection = await WriterConnectionAsync(cancellationToken);

        var lastSeq = await ScalarAsync<long>(
            "SELECT coalesce(max(s), 0) FROM (SELECT max(ingest_seq) AS s FROM telemetry UNION ALL SELECT max(ingest_seq) FROM session_inputs) AS last",
            cancellationToken);
        lastSeq = await connections.ContinueIngestOrderAsync(_connection, lastSeq, cancellationToken);
        var ids = new List<string>();
        var sites = connections.OwnedSites;
        await using (var query = _connection.Command(
            "SELECT s.session_id FROM sessions s WHERE " + ShownOnBoard +
            (sites is null ? string.Empty : " AND NOT EXISTS (" + OtherSite + ")") + " ORDER BY s.session_key"))
        {
            query.With("@since", TelemetryColumns.Ms(endedSince));
            if (sites is not null)
            {
                query.With("@sites", sites.ToArray());
            }

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

        return new IngestRecovery(
            lastSeq, sessions, await LoadSetpointsAsync(cancellationToken), [.. _controllerKeys.Keys], await LoadHellosAsync(cancellationToken),
            await LoadLastMessagesAsync(cancellationToken));
    }

    public async Task<StoredSession?> LoadSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await SessionLogReader.LoadAsync(connection, sessionId, cancellationToken);
    }

    public async Task CommitAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var connection = await WriterConnectionAsync(cancellationToken);
        var commands = _commands!;
        DbTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connections.CheckWriterAsync(transaction, cancellationToken);
            commands.Enlist(transaction);
            Write(batch, commands, cancellationToken);
            await commands.FlushAsync(cancellationToken);
            await WriteSessionEndsAsync(batch, transaction, cancellationToken);
            await WriteReportedAsync(batch, transaction, cancellationToken);
            await connections.AnnounceChangesAsync(transaction, batch, cancellationToken);

            await transaction.CommitAsync(cancellationToken);
            foreach (var (key, ms) in _lastHeardPending)
            {
                _lastHeardWritten[key] = ms;
            }
        }
        catch (Exception failure)
        {
            // Keys handed out inside the rolled-back transaction are gone: forget them.
            _sessionKeys.Clear();
            _policyKeys.Clear();
            if (outage.IsOutage(failure) || connection.State != System.Data.ConnectionState.Open)
            {
                // The connection died with the server (or in it): never retried on it; the next try opens a fresh one.
                await DropConnectionAsync();
                throw;
            }

            if (transaction is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }

            await LoadControllerKeysAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await DisposeQuietlyAsync(transaction);
            }
        }
    }

    /// <summary>The writer's connection: the long-lived one, or a fresh one (its commands made again) after an outage dropped it.</summary>
    private async Task<DbConnection> WriterConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connectionSuspect)
        {
            _connectionSuspect = false;
            await DropConnectionAsync();
        }

        if (_connection is { } open)
        {
            return open;
        }

        if (!_opened)
        {
            throw new InvalidOperationException("The store is not open.");
        }

        var connection = await connections.OpenWriterAsync(cancellationToken);
        try
        {
            _connection = connection;
            _commands = connections.CreateWriteCommands(connection);
            await LoadControllerKeysAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await DropConnectionAsync();
            throw;
        }
    }

    private async Task DropConnectionAsync()
    {
        if (_commands is { } commands)
        {
            _commands = null;
            await DisposeQuietlyAsync(commands);
        }

        if (_connection is { } connection)
        {
            _connection = null;
            await DisposeQuietlyAsync(connection);
        }
    }

    /// <summary>Disposing what belonged to a dead connection may fail too; that failure says nothing new.</summary>
    private static async Task DisposeQuietlyAsync(IAsyncDisposable disposable)
    {
        try
        {
            await disposable.DisposeAsync();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or ObjectDisposedException)
        {
            // already broken
        }
    }

    public async Task<IReadOnlyList<UnassignedMessage>> LoadUnassignedAsync(string controllerId, DateTimeOffset receivedSince, CancellationToken cancellationToken)
    {
        var connection = await WriterConnectionAsync(cancellationToken);
        return await SessionLogReader.LoadUnassignedAsync(connection, controllerId, receivedSince, cancellationToken);
    }

    public async Task<int> PurgeUnassignedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var connection = await WriterConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connections.CheckWriterAsync(transaction, cancellationToken);
        var purged = 0;
        foreach (var sql in new[]
        {
            "DELETE FROM telemetry WHERE session_key IS NULL AND ts_ms < @cutoff",
            "DELETE FROM session_inputs WHERE session_key IS NULL AND received_at_ms < @cutoff",
        })
        {
            await using var purge = connection.Command(sql, transaction).With("@cutoff", TelemetryColumns.Ms(olderThan));
            purged += await purge.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    public Task CloseAsync(CancellationToken cancellationToken) =>
        _opened ? connections.ReleaseWriterAsync(cancellationToken) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_commands is not null)
        {
            await _commands.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_opened)
        {
            await connections.ReleaseWriterAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Asks each participant what an ended session adds and writes it here, in the batch transaction:
    /// an ended session and its outbox items are committed together or not at all.
    /// </summary>
    private async Task WriteSessionEndsAsync(IngestBatch batch, DbTransaction transaction, CancellationToken cancellationToken)
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

    /// <summary>What each session's participants were given in this batch, kept with the session (a restart sends what was not).</summary>
    private static async Task WriteReportedAsync(IngestBatch batch, DbTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var reported in batch.Reported)
        {
            await using var update = transaction.Connection!.Command("UPDATE sessions SET reported_fingerprint = @f WHERE session_id = @id", transaction)
                .With("@f", reported.Fingerprint).With("@id", reported.SessionId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task InsertAsync(IReadOnlyList<Application.Outbox.OutboxItem> items, DbTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            await OutboxRows.InsertAsync(transaction.Connection!, transaction, item, cancellationToken);
        }
    }

    private void Write(IngestBatch batch, IWriteCommands commands, CancellationToken cancellationToken)
    {
        foreach (var sighting in batch.Controllers)
        {
            var key = ControllerKey(commands, sighting.Hello.ControllerId, cancellationToken);
            commands.Hello(key, sighting);
        }

        foreach (var setpoint in batch.Setpoints)
        {
            commands.Setpoint(ControllerKey(commands, setpoint.ControllerId, cancellationToken), setpoint);
        }

        foreach (var site in batch.Sites)
        {
            commands.Site(site);
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
            if (input.Input is MoveToCourse move && sessionKey is { } moved)
            {
                commands.MoveSession(moved, move.CourseId, move.ReceivedAt);
            }
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

        WriteLastHeard(batch, commands, cancellationToken);
    }

    /// <summary>Each controller the batch heard from, when its stored last-heard is <see cref="LastHeardEvery"/> or more behind.</summary>
    private void WriteLastHeard(IngestBatch batch, IWriteCommands commands, CancellationToken cancellationToken)
    {
        _lastHeardPending.Clear();
        foreach (var telemetry in batch.Telemetry)
        {
            Heard(telemetry.Sample.ControllerId, telemetry.ReceivedAt);
        }

        foreach (var input in batch.Inputs)
        {
            // What the controller itself said (not a nurse's action on its chair, nor its going offline)
            if (input is { ControllerId: { } controllerId, Input: DeviceEventReceived or ControllerHelloReceived or ControllerCameOnline })
            {
                Heard(controllerId, input.Input.ReceivedAt);
            }
        }

        foreach (var sighting in batch.Controllers)
        {
            Heard(sighting.Hello.ControllerId, sighting.At);
        }

        foreach (var (key, ms) in _lastHeardPending)
        {
            commands.LastHeard(key, ms);
        }

        // Only what moves a controller's stored instant on by LastHeardEvery or more is written (the batch's latest of those).
        void Heard(string controllerId, DateTimeOffset at)
        {
            var key = ControllerKey(commands, controllerId, cancellationToken);
            var ms = TelemetryColumns.Ms(at);
            if ((!_lastHeardWritten.TryGetValue(key, out var written) || ms - written >= (long)LastHeardEvery.TotalMilliseconds)
                && (!_lastHeardPending.TryGetValue(key, out var latest) || ms > latest))
            {
                _lastHeardPending[key] = ms;
            }
        }
    }

    private void StartSession(IWriteCommands commands, StartedSession started, CancellationToken cancellationToken)
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

        _sessionKeys[plan.SessionId] = commands.Session(plan.SessionId, courseKey, controllerKey, policyKey, started.StartedAt, plan.PatientReference, started.PatientName);
    }

    private int ControllerKey(IWriteCommands commands, string controllerId, CancellationToken cancellationToken)
    {
        if (!_controllerKeys.TryGetValue(controllerId, out var key))
        {
            cancellationToken.ThrowIfCancellationRequested();
            key = commands.NewController(controllerId);
            _controllerKeys[controllerId] = key;
        }

        return key;
    }

    private int SessionKey(IWriteCommands commands, string sessionId, CancellationToken cancellationToken)
    {
        if (!_sessionKeys.TryGetValue(sessionId, out var key))
        {
            cancellationToken.ThrowIfCancellationRequested();
            key = commands.SessionKey(sessionId) ?? throw new InvalidOperationException("An input refers to a session that is not stored.");
            _sessionKeys[sessionId] = key;
        }

        return key;
    }

    private async Task<List<ControllerSetpointReport>> LoadSetpointsAsync(CancellationToken cancellationToken)
    {
        var setpoints = new List<ControllerSetpointReport>();
        await using var query = _connection!.Command("SELECT controller_id, setpoint_tenths, setpoint_at_ms FROM controllers WHERE setpoint_tenths IS NOT NULL AND setpoint_at_ms IS NOT NULL");
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            setpoints.Add(new ControllerSetpointReport(
                reader.GetString(0), new Temperature(checked((short)reader.GetInt32(1))), TelemetryColumns.Instant(reader.GetInt64(2))));
        }

        return setpoints;
    }

    /// <summary>Each controller's latest hello as the controllers table keeps it (CCP/1 is protocol 1; the table has no column for it).</summary>
    private async Task<List<ControllerHello>> LoadHellosAsync(CancellationToken cancellationToken)
    {
        var hellos = new List<ControllerHello>();
        await using var query = _connection!.Command("SELECT controller_id, boot, model, firmware FROM controllers WHERE boot IS NOT NULL AND model IS NOT NULL AND firmware IS NOT NULL");
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hellos.Add(new ControllerHello(reader.GetString(0), unchecked((uint)reader.GetInt32(1)), reader.GetString(2), reader.GetString(3), 1));
        }

        return hellos;
    }

    /// <summary>Each controller's highest stored seq (samples and events) of the boot of its latest hello (two index look-ups each).</summary>
    private async Task<List<MessageKey>> LoadLastMessagesAsync(CancellationToken cancellationToken)
    {
        var last = new List<MessageKey>();
        await using var query = _connection!.Command(
            "SELECT c.controller_id, c.boot, " +
            "(SELECT max(t.seq) FROM telemetry t WHERE t.controller_key = c.controller_key AND t.boot = c.boot), " +
            "(SELECT max(i.seq) FROM session_inputs i WHERE i.controller_key = c.controller_key AND i.boot = c.boot AND i.seq IS NOT NULL) " +
            "FROM controllers c WHERE c.boot IS NOT NULL");
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var samples = reader.IsDBNull(2) ? -1 : reader.GetInt64(2);
            var events = reader.IsDBNull(3) ? -1 : reader.GetInt64(3);
            if (Math.Max(samples, events) is >= 0 and var seq)
            {
                last.Add(new MessageKey(reader.GetString(0), unchecked((uint)reader.GetInt32(1)), (uint)seq));
            }
        }

        return last;
    }

    private async Task LoadControllerKeysAsync(CancellationToken cancellationToken)
    {
        _controllerKeys.Clear();
        await using var query = _connection!.Command("SELECT controller_id, controller_key FROM controllers");
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _controllerKeys[reader.GetString(0)] = reader.GetInt32(1);
        }
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection!.Command(sql);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(cancellationToken))!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
