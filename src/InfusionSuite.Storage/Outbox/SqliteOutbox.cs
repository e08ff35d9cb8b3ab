using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Staff;
using InfusionSuite.Storage.Schema;
using InfusionSuite.Application.Ports;
using Microsoft.EntityFrameworkCore;

namespace InfusionSuite.Storage.Outbox;

/// <summary>
/// The outbox in the database, on either engine (<c>outbox</c>, append-only <c>outbox_attempts</c>): opaque payloads with their
/// content type, keys and delivery state. The store inserts the items that session-end participants
/// return in the batch transaction that ends a session; every method here is one short transaction of
/// its own, so the queue and its schedule survive a restart. Behaves as the contract's reference
/// (tests/InfusionSuite.Fhir.Tests InMemoryOutbox), proven by the same dispatcher tests. Staff actions on a
/// parked item write the change and its staff audit row in one transaction. Never logs payloads.
/// </summary>
internal sealed class SqliteOutbox(
    IDbContextFactory<InfusionSuiteDbContext> contexts,
    DatabaseConnections connections,
    IDatabaseMigrator initializer) : IOutbox, IOutboxStaffActions
{
    private const int Pending = (int)OutboxStatus.Pending;
    private const int Parked = (int)OutboxStatus.Parked;

    public async Task EnqueueAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await OutboxRows.InsertAsync(connection, null, item, cancellationToken);
    }

    /// <summary>
    /// Nothing for a worker that does not dispatch (PostgreSQL, <see cref="DatabaseConnections.MayDispatchAsync"/>: a standby,
    /// or an owner while another owner holds the outbox's lease): of several workers, one sends.
    /// </summary>
    public async Task<IReadOnlyList<OutboxItem>> TakeDueAsync(string contentType, DateTimeOffset now, int maxItems, CancellationToken cancellationToken)
    {
        if (!await connections.MayDispatchAsync(cancellationToken))
        {
            return [];
        }

        var due = OutboxRows.Ticks(now);
        return await ReadAsync(
            rows => rows.Where(r => r.Status == Pending && r.NextAttemptAtTicks <= due && r.ContentType == contentType)
                .OrderBy(r => r.NextAttemptAtTicks).ThenBy(r => r.EnqueuedAtTicks).ThenBy(r => r.ItemKey).Take(maxItems),
            cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxItem>> ListAsync(OutboxQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await ReadAsync(
            rows => rows.Where(r => (query.Status == null || r.Status == (int)query.Status) && (query.SessionId == null || r.SessionId == query.SessionId))
                .OrderByDescending(r => r.EnqueuedAtTicks).ThenByDescending(r => r.ItemKey).Take(query.Limit),
            cancellationToken);
    }

    public async Task RecordAttemptAsync(Guid itemId, OutboxAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await OutboxRows.InsertAttemptAsync(connection, null, itemId, attempt, cancellationToken);
    }

    public Task RecordValidationAsync(Guid itemId, PayloadValidationReport report, CancellationToken cancellationToken)
    {
        var json = OutboxRows.ValidationJson(report);
        return UpdateAsync(itemId, s => s.SetProperty(r => r.ValidationJson, json), cancellationToken);
    }

    public Task MarkSentAsync(Guid itemId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        var ticks = OutboxRows.Ticks(sentAt);
        return UpdateAsync(
            itemId,
            s => s.SetProperty(r => r.Status, (int)OutboxStatus.Sent).SetProperty(r => r.SentAtTicks, ticks),
            cancellationToken);
    }

    public Task ScheduleRetryAsync(Guid itemId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        var ticks = OutboxRows.Ticks(nextAttemptAt);
        return UpdateAsync(
            itemId,
            s => s.SetProperty(r => r.Status, Pending).SetProperty(r => r.NextAttemptAtTicks, ticks).SetProperty(r => r.ParkedReason, (string?)null),
            cancellationToken);
    }

    /// <summary>What a pending item waits for is kept where a parked one keeps its reason: an item is never both.</summary>
    public Task WaitAsync(Guid itemId, DateTimeOffset nextAttemptAt, string waitingFor, CancellationToken cancellationToken)
    {
        var ticks = OutboxRows.Ticks(nextAttemptAt);
        return UpdateAsync(
            itemId,
            s => s.SetProperty(r => r.Status, Pending).SetProperty(r => r.NextAttemptAtTicks, ticks).SetProperty(r => r.ParkedReason, waitingFor),
            cancellationToken);
    }

    public Task ParkAsync(Guid itemId, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(
            itemId,
            s => s.SetProperty(r => r.Status, Parked).SetProperty(r => r.ParkedReason, reason),
            cancellationToken);

    /// <summary>
    /// Only a parked item with a payload goes back to Pending. An item parked because its payload could
    /// not be made (empty) stays parked: sending it again would not help.
    /// </summary>
    public Task<bool> RequeueAsync(Guid itemId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        ChangeParkedAsync(itemId, Requeue(nextAttemptAt), requirePayload: true, audit: null, cancellationToken);

    /// <summary>Due at the item's own enqueue instant: at once for the dispatcher, whichever clock the staff tool runs on.</summary>
    public Task<bool> RetryAsync(Guid itemId, StaffAuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return ChangeParkedAsync(
            itemId,
            s => s.SetProperty(r => r.Status, Pending).SetProperty(r => r.NextAttemptAtTicks, r => r.EnqueuedAtTicks)
                .SetProperty(r => r.ParkedReason, (string?)null).SetProperty(r => r.ValidationJson, (string?)null),
            requirePayload: true,
            audit,
            cancellationToken);
    }

    public Task<bool> MarkHandledOutsideAsync(Guid itemId, StaffAuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return ChangeParkedAsync(itemId, s => s.SetProperty(r => r.Status, (int)OutboxStatus.HandledOutside), requirePayload: false, audit, cancellationToken);
    }

    private static Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxRow>> Requeue(DateTimeOffset nextAttemptAt)
    {
        var ticks = OutboxRows.Ticks(nextAttemptAt);
        return s => s.SetProperty(r => r.Status, Pending).SetProperty(r => r.NextAttemptAtTicks, ticks)
            .SetProperty(r => r.ParkedReason, (string?)null).SetProperty(r => r.ValidationJson, (string?)null);
    }

    /// <summary>Changes a parked item (with a payload, when asked) and appends the audit row, in one transaction; false when there was no such item.</summary>
    private async Task<bool> ChangeParkedAsync(
        Guid itemId,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxRow>> set,
        bool requirePayload,
        StaffAuditEntry? audit,
        CancellationToken cancellationToken)
    {
        var key = OutboxRows.Key(itemId);
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Outbox
            .Where(r => r.Id == key && r.Status == Parked && (!requirePayload || r.Payload != string.Empty))
            .ExecuteUpdateAsync(set, cancellationToken);
        if (changed != 1)
        {
            return false;
        }

        if (audit is not null)
        {
            db.StaffAudit.Add(Sqlite.SqliteStaffAccounts.ToRow(audit));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<IReadOnlyList<OutboxItem>> ReadAsync(
        Func<IQueryable<OutboxRow>, IQueryable<OutboxRow>> query, CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await query(db.Outbox.AsNoTracking()).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var keys = rows.Select(r => r.ItemKey).ToList();
        var attempts = (await db.OutboxAttempts.AsNoTracking().Where(a => keys.Contains(a.ItemKey)).ToListAsync(cancellationToken))
            .ToLookup(a => a.ItemKey);
        return [.. rows.Select(r => OutboxRows.ToItem(r, attempts[r.ItemKey]))];
    }

    private async Task UpdateAsync(
        Guid itemId,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxRow>> set,
        CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        var key = OutboxRows.Key(itemId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Outbox.Where(r => r.Id == key).ExecuteUpdateAsync(set, cancellationToken) == 0)
        {
            throw OutboxRows.UnknownItem(itemId);
        }
    }
}
