using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Fhir.Validation;
using InfusionSuite.Storage.Schema;
using InfusionSuite.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InfusionSuite.Storage.Outbox;

/// <summary>
/// The FHIR outbox in SQLite (<c>fhir_outbox</c>, append-only <c>fhir_outbox_attempts</c>). Items are
/// inserted by <see cref="FhirOutboxParticipant"/> in the batch transaction that ends a session; every
/// method here is one short transaction of its own, so the queue and its schedule survive a restart.
/// Behaves as the contract's reference (tests/InfusionSuite.Fhir.Tests InMemoryFhirOutbox), proven by
/// the same dispatcher tests. Never logs Bundle contents.
/// </summary>
internal sealed class SqliteFhirOutbox(
    IDbContextFactory<InfusionSuiteDbContext> contexts,
    SqliteConnections connections,
    DatabaseInitializer initializer) : IFhirOutbox
{
    private const int Pending = (int)FhirOutboxStatus.Pending;
    private const int Parked = (int)FhirOutboxStatus.Parked;

    /// <summary>Adds an item outside a session's end (staff tools, tests).</summary>
    public async Task EnqueueAsync(FhirOutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await FhirOutboxRows.InsertAsync(connection, null, item, cancellationToken);
    }

    public async Task<IReadOnlyList<FhirOutboxItem>> TakeDueAsync(DateTimeOffset now, int maxItems, CancellationToken cancellationToken)
    {
        var due = FhirOutboxRows.Ticks(now);
        return await ReadAsync(
            rows => rows.Where(r => r.Status == Pending && r.NextAttemptAtTicks <= due)
                .OrderBy(r => r.NextAttemptAtTicks).ThenBy(r => r.EnqueuedAtTicks).ThenBy(r => r.ItemKey).Take(maxItems),
            cancellationToken);
    }

    public async Task<IReadOnlyList<FhirOutboxItem>> ListAsync(FhirOutboxQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await ReadAsync(
            rows => rows.Where(r => (query.Status == null || r.Status == (int)query.Status) && (query.SessionId == null || r.SessionId == query.SessionId))
                .OrderByDescending(r => r.EnqueuedAtTicks).ThenByDescending(r => r.ItemKey).Take(query.Limit),
            cancellationToken);
    }

    public async Task RecordAttemptAsync(Guid itemId, FhirDeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await FhirOutboxRows.InsertAttemptAsync(connection, null, itemId, attempt, cancellationToken);
    }

    public Task RecordValidationAsync(Guid itemId, FhirValidationReport report, CancellationToken cancellationToken)
    {
        var json = FhirOutboxRows.ValidationJson(report);
        return UpdateAsync(itemId, s => s.SetProperty(r => r.ValidationJson, json), cancellationToken);
    }

    public Task MarkSentAsync(Guid itemId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        var ticks = FhirOutboxRows.Ticks(sentAt);
        return UpdateAsync(
            itemId,
            s => s.SetProperty(r => r.Status, (int)FhirOutboxStatus.Sent).SetProperty(r => r.SentAtTicks, ticks),
            cancellationToken);
    }

    public Task ScheduleRetryAsync(Guid itemId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        var ticks = FhirOutboxRows.Ticks(nextAttemptAt);
        return UpdateAsync(
            itemId,
            s => s.SetProperty(r => r.Status, Pending).SetProperty(r => r.NextAttemptAtTicks, ticks),
            cancellationToken);
    }

    public Task ParkAsync(Guid itemId, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(
            itemId,
            s => s.SetProperty(r => r.Status, Parked).SetProperty(r => r.ParkedReason, reason),
            cancellationToken);

    /// <summary>
    /// Only a parked item with a Bundle goes back to Pending. An item parked because its Bundle could
    /// not be made (empty) stays parked: sending it again would not help.
    /// </summary>
    public async Task<bool> RequeueAsync(Guid itemId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        var key = FhirOutboxRows.Key(itemId);
        var ticks = FhirOutboxRows.Ticks(nextAttemptAt);
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = await db.FhirOutbox
            .Where(r => r.Id == key && r.Status == Parked && r.BundleJson != string.Empty)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, Pending).SetProperty(r => r.NextAttemptAtTicks, ticks)
                    .SetProperty(r => r.ParkedReason, (string?)null).SetProperty(r => r.ValidationJson, (string?)null),
                cancellationToken);
        return changed == 1;
    }

    private async Task<IReadOnlyList<FhirOutboxItem>> ReadAsync(
        Func<IQueryable<FhirOutboxRow>, IQueryable<FhirOutboxRow>> query, CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await query(db.FhirOutbox.AsNoTracking()).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var keys = rows.Select(r => r.ItemKey).ToList();
        var attempts = (await db.FhirOutboxAttempts.AsNoTracking().Where(a => keys.Contains(a.ItemKey)).ToListAsync(cancellationToken))
            .ToLookup(a => a.ItemKey);
        return [.. rows.Select(r => FhirOutboxRows.ToItem(r, attempts[r.ItemKey]))];
    }

    private async Task UpdateAsync(
        Guid itemId,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<FhirOutboxRow>> set,
        CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        var key = FhirOutboxRows.Key(itemId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.FhirOutbox.Where(r => r.Id == key).ExecuteUpdateAsync(set, cancellationToken) == 0)
        {
            throw FhirOutboxRows.UnknownItem(itemId);
        }
    }
}
