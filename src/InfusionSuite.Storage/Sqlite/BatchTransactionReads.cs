using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Storage.Outbox;
using System.Data.Common;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>The reads a session-end participant makes, inside the batch transaction (it sees the batch's writes).</summary>
internal sealed class BatchTransactionReads(DbTransaction transaction) : ISessionEndReads
{
    public Task<IReadOnlyList<StoredCourse>> OfPatientAsync(string patientReference, CancellationToken cancellationToken) =>
        PatientCourseReader.ReadAsync(transaction.Connection!, transaction, patientReference, cancellationToken);

    public Task<bool> HasOutboxItemAsync(string sessionId, OutboxItemKind kind, CancellationToken cancellationToken) =>
        OutboxRows.ExistsAsync(transaction, sessionId, kind, cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> OutboxItemsAsync(string sessionId, string contentType, CancellationToken cancellationToken) =>
        OutboxRows.OfSessionAsync(transaction, sessionId, contentType, cancellationToken);

    public async Task<string?> PractitionerIdAsync(string userId, CancellationToken cancellationToken)
    {
        await using var query = transaction.Connection!.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT practitioner_id FROM users WHERE user_id = @user AND practitioner_id IS NOT NULL AND practitioner_id <> ''";
        query.With("@user", userId);
        return await query.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<string?> PatientNameAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var query = transaction.Connection!.CreateCommand();
        query.Transaction = transaction;
        query.CommandText =
            "SELECT COALESCE(s.patient_name, p.display_name) FROM sessions s JOIN courses c ON c.course_key = s.course_key " +
            "LEFT JOIN patients p ON p.patient_reference = c.patient_reference WHERE s.session_id = @session";
        query.With("@session", sessionId);
        return await query.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<string?> ControllerSiteAsync(string controllerId, CancellationToken cancellationToken)
    {
        if (transaction.Connection is not Npgsql.NpgsqlConnection)
        {
            return null; // SQLite: one suite, one writer, no site kept
        }

        await using var query = transaction.Connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT site FROM controller_sites WHERE controller_id = @controller";
        query.With("@controller", controllerId);
        return await query.ExecuteScalarAsync(cancellationToken) as string;
    }
}
