using System.Data.Common;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Storage.Outbox;

/// <summary>
/// Enqueues the session's FHIR Bundle in the batch transaction that stores its end (completed,
/// stopped, or voided after it ended), so an ended session and its outbox item are committed together
/// or not at all. A storage failure throws (the batch rolls back and is retried). A failure to make
/// the Bundle (a mapping bug) must not stop clinical recording: the end is stored and a parked item
/// with no Bundle names the failure for staff.
/// </summary>
internal sealed class FhirOutboxParticipant(
    FhirOutboxItems items,
    SessionFhirContextReader contexts,
    TimeProvider time,
    ILogger<FhirOutboxParticipant> logger) : ISessionEndParticipant
{
    public async ValueTask OnSessionEndedAsync(ScalpCoolingSessionRecord record, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var sqlite = (SqliteTransaction)transaction;
        var sessionId = record.Plan.SessionId;
        if (record.Status == SessionStatus.Voided && !await HasSessionItemAsync(sqlite, sessionId, cancellationToken))
        {
            OutboxLog.VoidBeforeEnd(logger, sessionId);
            return;
        }

        var now = time.GetUtcNow();
        FhirOutboxItem item;
        try
        {
            item = items.Create(record, await contexts.ReadAsync(sqlite, record, cancellationToken), now);
        }
        catch (Exception e) when (e is not (OperationCanceledException or SqliteException))
        {
            item = CouldNotMap(record, e, now);
            OutboxLog.MappingFailed(logger, sessionId, e.GetType().Name, item.Id);
        }

        await FhirOutboxRows.InsertAsync(sqlite.Connection!, sqlite, item, cancellationToken);
        OutboxLog.Enqueued(logger, item.Id, item.Kind.ToString(), sessionId);
    }

    private static FhirOutboxItem CouldNotMap(ScalpCoolingSessionRecord record, Exception e, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SessionId = record.Plan.SessionId,
        Kind = record.Status == SessionStatus.Voided ? FhirOutboxItemKind.Void : FhirOutboxItemKind.Session,
        BundleJson = string.Empty,
        EnqueuedAt = now,
        NextAttemptAt = now,
        Status = FhirOutboxStatus.Parked,
        ParkedReason = $"The FHIR Bundle could not be made ({e.GetType().Name}: {e.Message}). The session is recorded; report this to support.",
    };

    private static async Task<bool> HasSessionItemAsync(SqliteTransaction transaction, string sessionId, CancellationToken cancellationToken)
    {
        await using var query = transaction.Connection!.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT EXISTS (SELECT 1 FROM fhir_outbox WHERE session_id = $session AND kind = $kind)";
        query.Parameters.AddWithValue("$session", sessionId);
        query.Parameters.AddWithValue("$kind", (int)FhirOutboxItemKind.Session);
        return Convert.ToInt64(await query.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }
}
