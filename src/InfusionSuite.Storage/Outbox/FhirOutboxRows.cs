using System.Globalization;
using System.Text.Json;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Fhir.Validation;
using InfusionSuite.Storage.Schema;
using Microsoft.Data.Sqlite;

namespace InfusionSuite.Storage.Outbox;

/// <summary>Outbox items to rows and back, and the one INSERT both the participant and staff tools use.</summary>
internal static class FhirOutboxRows
{
    private static readonly JsonSerializerOptions s_json = new() { IgnoreReadOnlyProperties = true };

    public static string Key(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    public static long Ticks(DateTimeOffset instant) => instant.UtcTicks;

    public static DateTimeOffset Instant(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>Inserts the item (and any attempts it carries) on the connection, inside <paramref name="transaction"/> when given.</summary>
    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction? transaction, FhirOutboxItem item, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO fhir_outbox (id, session_id, kind, bundle_json, status, enqueued_at_ticks, next_attempt_at_ticks, sent_at_ticks, parked_reason, validation_json)
            VALUES ($id, $session, $kind, $bundle, $status, $enqueued, $next, $sent, $reason, $validation)
            """;
        insert.Parameters.AddWithValue("$id", Key(item.Id));
        insert.Parameters.AddWithValue("$session", item.SessionId);
        insert.Parameters.AddWithValue("$kind", (int)item.Kind);
        insert.Parameters.AddWithValue("$bundle", item.BundleJson);
        insert.Parameters.AddWithValue("$status", (int)item.Status);
        insert.Parameters.AddWithValue("$enqueued", Ticks(item.EnqueuedAt));
        insert.Parameters.AddWithValue("$next", Ticks(item.NextAttemptAt));
        insert.Parameters.AddWithValue("$sent", item.SentAt is { } sent ? Ticks(sent) : DBNull.Value);
        insert.Parameters.AddWithValue("$reason", (object?)item.ParkedReason ?? DBNull.Value);
        insert.Parameters.AddWithValue("$validation", item.Validation is { } report ? ValidationJson(report) : DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        foreach (var attempt in item.Attempts)
        {
            await InsertAttemptAsync(connection, transaction, item.Id, attempt, cancellationToken);
        }
    }

    public static async Task InsertAttemptAsync(SqliteConnection connection, SqliteTransaction? transaction, Guid itemId, FhirDeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO fhir_outbox_attempts (item_key, number, started_at_ticks, finished_at_ticks, outcome, http_status, server_message)
            SELECT item_key, $number, $started, $finished, $outcome, $status, $message FROM fhir_outbox WHERE id = $id
            """;
        insert.Parameters.AddWithValue("$id", Key(itemId));
        insert.Parameters.AddWithValue("$number", attempt.Number);
        insert.Parameters.AddWithValue("$started", Ticks(attempt.StartedAt));
        insert.Parameters.AddWithValue("$finished", Ticks(attempt.FinishedAt));
        insert.Parameters.AddWithValue("$outcome", (int)attempt.Outcome);
        insert.Parameters.AddWithValue("$status", attempt.HttpStatus is { } status ? status : DBNull.Value);
        insert.Parameters.AddWithValue("$message", (object?)attempt.ServerMessage ?? DBNull.Value);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw UnknownItem(itemId);
        }
    }

    public static string ValidationJson(FhirValidationReport report) => JsonSerializer.Serialize(report, s_json);

    public static FhirOutboxItem ToItem(FhirOutboxRow row, IEnumerable<FhirOutboxAttemptRow> attempts) => new()
    {
        Id = Guid.Parse(row.Id, CultureInfo.InvariantCulture),
        SessionId = row.SessionId,
        Kind = (FhirOutboxItemKind)row.Kind,
        BundleJson = row.BundleJson,
        EnqueuedAt = Instant(row.EnqueuedAtTicks),
        Status = (FhirOutboxStatus)row.Status,
        NextAttemptAt = Instant(row.NextAttemptAtTicks),
        SentAt = row.SentAtTicks is { } sent ? Instant(sent) : null,
        ParkedReason = row.ParkedReason,
        Validation = row.ValidationJson is { } json ? JsonSerializer.Deserialize<FhirValidationReport>(json, s_json) : null,
        Attempts = [.. attempts.OrderBy(a => a.AttemptKey).Select(a => new FhirDeliveryAttempt(
            a.Number, Instant(a.StartedAtTicks), Instant(a.FinishedAtTicks), (FhirAttemptOutcome)a.Outcome, a.HttpStatus, a.ServerMessage))],
    };

    public static InvalidOperationException UnknownItem(Guid itemId) => new($"Outbox item {itemId} does not exist.");
}
