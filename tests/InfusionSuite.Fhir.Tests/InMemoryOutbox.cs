using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Staff;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Fhir.Validation;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// The outbox contract kept in memory, for the dispatcher's tests only (storage implements it in
/// SQLite). A "restart" is a new dispatcher over the same instance. Ties between equal instants go by
/// enqueue order (oldest first when taking, newest first when listing).
/// </summary>
internal sealed class InMemoryOutbox : IOutboxUnderTest, IOutboxStaffActions
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, OutboxItem> _items = [];
    private readonly Dictionary<Guid, long> _order = [];

    public void Enqueue(OutboxItem item)
    {
        lock (_gate)
        {
            _items.Add(item.Id, item);
            _order.Add(item.Id, _order.Count);
        }
    }

    public Task EnqueueAsync(OutboxItem item)
    {
        Enqueue(item);
        return Task.CompletedTask;
    }

    public Task<OutboxItem> GetAsync(Guid id) => Task.FromResult(this[id]);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public OutboxItem this[Guid id]
    {
        get
        {
            lock (_gate)
            {
                return _items[id];
            }
        }
    }

    public Task EnqueueAsync(OutboxItem item, CancellationToken cancellationToken) => EnqueueAsync(item);

    public Task<IReadOnlyList<OutboxItem>> TakeDueAsync(string contentType, DateTimeOffset now, int maxItems, CancellationToken cancellationToken) =>
        Read(items => items.Where(i => i.Status == OutboxStatus.Pending && i.NextAttemptAt <= now && i.ContentType == contentType)
            .OrderBy(i => i.NextAttemptAt).ThenBy(i => i.EnqueuedAt).ThenBy(i => _order[i.Id]).Take(maxItems));

    public Task RecordAttemptAsync(Guid itemId, OutboxAttempt attempt, CancellationToken cancellationToken) =>
        Update(itemId, i => i with { Attempts = [.. i.Attempts, attempt] });

    public Task RecordValidationAsync(Guid itemId, PayloadValidationReport report, CancellationToken cancellationToken) =>
        Update(itemId, i => i with { Validation = report });

    public Task MarkSentAsync(Guid itemId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        Update(itemId, i => i with { Status = OutboxStatus.Sent, SentAt = sentAt });

    public Task ScheduleRetryAsync(Guid itemId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        Update(itemId, i => i with { Status = OutboxStatus.Pending, NextAttemptAt = nextAttemptAt, Reason = null });

    public Task WaitAsync(Guid itemId, DateTimeOffset nextAttemptAt, string waitingFor, CancellationToken cancellationToken) =>
        Update(itemId, i => i with { Status = OutboxStatus.Pending, NextAttemptAt = nextAttemptAt, Reason = waitingFor });

    public Task ParkAsync(Guid itemId, string reason, CancellationToken cancellationToken) =>
        Update(itemId, i => i with { Status = OutboxStatus.Parked, Reason = reason });

    public Task<bool> RequeueAsync(Guid itemId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_items[itemId].Status != OutboxStatus.Parked || _items[itemId].Payload.Length == 0)
            {
                return Task.FromResult(false);
            }

            _items[itemId] = _items[itemId] with { Status = OutboxStatus.Pending, NextAttemptAt = nextAttemptAt, Reason = null, Validation = null };
            return Task.FromResult(true);
        }
    }

    /// <summary>The staff audit rows the staff actions wrote, oldest first.</summary>
    public List<StaffAuditEntry> StaffAudit { get; } = [];

    public Task<bool> RetryAsync(Guid itemId, StaffAuditEntry audit, CancellationToken cancellationToken) =>
        ChangeParked(itemId, audit, requirePayload: true, i => i with { Status = OutboxStatus.Pending, NextAttemptAt = i.EnqueuedAt, Reason = null, Validation = null });

    public Task<bool> MarkHandledOutsideAsync(Guid itemId, StaffAuditEntry audit, CancellationToken cancellationToken) =>
        ChangeParked(itemId, audit, requirePayload: false, i => i with { Status = OutboxStatus.HandledOutside });

    private Task<bool> ChangeParked(Guid itemId, StaffAuditEntry audit, bool requirePayload, Func<OutboxItem, OutboxItem> change)
    {
        lock (_gate)
        {
            if (!_items.TryGetValue(itemId, out var item) || item.Status != OutboxStatus.Parked || (requirePayload && item.Payload.Length == 0))
            {
                return Task.FromResult(false);
            }

            _items[itemId] = change(item);
            StaffAudit.Add(audit);
            return Task.FromResult(true);
        }
    }

    /// <summary>What staff's "handled outside InfusionSuite" leaves: never attempted again.</summary>
    public Task MarkHandledOutsideAsync(Guid itemId) => Update(itemId, i => i with { Status = OutboxStatus.HandledOutside });

    public Task<IReadOnlyList<OutboxItem>> ListAsync(OutboxQuery query, CancellationToken cancellationToken) =>
        Read(items => items.Where(i => (query.Status is null || i.Status == query.Status) && (query.SessionId is null || i.SessionId == query.SessionId))
            .OrderByDescending(i => i.EnqueuedAt).ThenByDescending(i => _order[i.Id]).Take(query.Limit));

    private Task<IReadOnlyList<OutboxItem>> Read(Func<IEnumerable<OutboxItem>, IEnumerable<OutboxItem>> query)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxItem>>([.. query(_items.Values)]);
        }
    }

    private Task Update(Guid id, Func<OutboxItem, OutboxItem> change)
    {
        lock (_gate)
        {
            _items[id] = change(_items[id]);
        }

        return Task.CompletedTask;
    }
}
