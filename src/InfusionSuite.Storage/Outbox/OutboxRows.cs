using System.Globalization;
using System.Text.Json;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Storage.Schema;
using System.Data.Common;

namespace InfusionSuite.Storage.Outbox;

/// <summary>Outbox items to rows and back, and the one INSERT both the session end and staff tools use.</summary>
internal static class OutboxRows
{
    private static readonly JsonSerializerOptions s_json = new() { IgnoreReadOnlyProperties = true };

    public static string Key(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    public static long Ticks(DateTimeOffset instant) => instant.UtcTicks;

    public static DateTimeOffset Instant(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>Inserts the item (and any attempts it carries) on the connection, inside <paramref name="transaction"/> when given.</summary>
    public static async Task InsertAsync(DbConnection connection, DbTransaction? transaction, OutboxItem item, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO outbox (id, session_id, kind, content_type, payload, status, enqueued_at_ticks, next_attempt_at_ticks, sent_at_ticks, parked_reason, validation_json)
            VALUES (@id, @session, @kind, @type, @payload, @status, @enqueued, @next, @sent, @reason, @validation)
            """;
        insert.With("@id", Key(item.Id));
        insert.With("@session", item.SessionId);
        insert.With("@kind", (int)item.Kind);
        insert.With("@type", item.ContentType);
        insert.With("@payload", item.Payload);
        insert.With("@status", (int)item.Status);
        insert.With("@enqueued", Ticks(item.EnqueuedAt));
        insert.With("@next", Ticks(item.NextAttemptAt));
        insert.With("@sent", item.SentAt is { } sent ? Ticks(sent) : DBNull.Value);
        insert.With("@reason", (object?)item.Reason ?? DBNull.Value);
        insert.With("@validation", item.Validation is { } report ? ValidationJson(report) : DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        foreach (var attempt in item.Attempts)
        {
            await InsertAttemptAsync(connection, transaction, item.Id, attempt, cancellationToken);
        }
    }

    public static async Task InsertAttemptAsync(DbConnection connection, DbTransaction? transaction, Guid itemId, OutboxAttempt attempt, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO outbox_attempts (item_key, number, started_at_ticks, finished_at_ticks, outcome, http_status, server_message, resources)
            SELECT item_key, @number, @started, @finished, @outcome, @status, @message, @resources FROM outbox WHERE id = @id
            """;
        insert.With("@id", Key(itemId));
        insert.With("@number", attempt.Number);
        insert.With("@started", Ticks(attempt.StartedAt));
        insert.With("@finished", Ticks(attempt.FinishedAt));
        insert.With("@outcome", (int)attempt.Outcome);
        insert.With("@status", attempt.HttpStatus is { } status ? status : DBNull.Value);
        insert.With("@message", (object?)attempt.ServerMessage ?? DBNull.Value);
        insert.With("@resources", attempt.Resources.Count == 0 ? DBNull.Value : JsonSerializer.Serialize(attempt.Resources, s_json));
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw UnknownItem(itemId);
        }
    }

    /// <summary>Whether an item of <paramref name="kind"/> exists for the session, inside <paramref name="transaction"/>.</summary>
    public static async Task<bool> ExistsAsync(DbTransaction transaction, string sessionId, OutboxItemKind kind, CancellationToken cancellationToken)
    {
        await using var query = transaction.Connection!.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT EXISTS (SELECT 1 FROM outbox WHERE session_id = @session AND kind = @kind)";
        query.With("@session", sessionId);
        query.With("@kind", (int)kind);
        return Convert.ToBoolean(await query.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The session's items of <paramref name="contentType"/>, oldest first (without their attempts), inside <paramref name="transaction"/>.</summary>
    public static async Task<IReadOnlyList<OutboxItem>> OfSessionAsync(DbTransaction transaction, string sessionId, string contentType, CancellationToken cancellationToken)
    {
        await using var query = transaction.Connection!.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = """
            SELECT id, kind, payload, status, enqueued_at_ticks, next_attempt_at_ticks, sent_at_ticks, parked_reason
            FROM outbox WHERE session_id = @session AND content_type = @type ORDER BY enqueued_at_ticks, item_key
            """;
        query.With("@session", sessionId);
        query.With("@type", contentType);
        var items = new List<OutboxItem>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new OutboxItem
            {
                Id = Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                SessionId = sessionId,
                Kind = (OutboxItemKind)reader.GetInt32(1),
                ContentType = contentType,
                Payload = reader.GetString(2),
                Status = (OutboxStatus)reader.GetInt32(3),
                EnqueuedAt = Instant(reader.GetInt64(4)),
                NextAttemptAt = Instant(reader.GetInt64(5)),
                SentAt = reader.IsDBNull(6) ? null : Instant(reader.GetInt64(6)),
                Reason = reader.IsDBNull(7) ? null : reader.GetString(7),
            });
        }

        return items;
    }

    public static string ValidationJson(PayloadValidationReport report) => JsonSerializer.Serialize(report, s_json);

    public static OutboxItem ToItem(OutboxRow row, IEnumerable<OutboxAttemptRow> attempts) => new()
    {
        Id = Guid.Parse(row.Id, CultureInfo.InvariantCulture),
        SessionId = row.SessionId,
        Kind = (OutboxItemKind)row.Kind,
        ContentType = row.ContentType,
        Payload = row.Payload,
        EnqueuedAt = Instant(row.EnqueuedAtTicks),
        Status = (OutboxStatus)row.Status,
        NextAttemptAt = Instant(row.NextAttemptAtTicks),
        SentAt = row.SentAtTicks is { } sent ? Instant(sent) : null,
        Reason = row.ParkedReason,
        Validation = row.ValidationJson is { } json ? JsonSerializer.Deserialize<PayloadValidationReport>(json, s_json) : null,
        Attempts = [.. attempts.OrderBy(a => a.AttemptKey).Select(a => new OutboxAttempt(
            a.Number, Instant(a.StartedAtTicks), Instant(a.FinishedAtTicks), (OutboxAttemptOutcome)a.Outcome, a.HttpStatus, a.ServerMessage)
        {
            Resources = a.Resources is { } resources ? JsonSerializer.Deserialize<List<ReceiverResource>>(resources, s_json) ?? [] : [],
        })],
    };

    public static InvalidOperationException UnknownItem(Guid itemId) => new($"Outbox item {itemId} does not exist.");
}
