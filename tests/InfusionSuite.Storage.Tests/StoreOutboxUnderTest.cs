using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Tests;
using InfusionSuite.Storage.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Storage.Tests;

/// <summary>The store's outbox (either engine) as the dispatcher contract drives it.</summary>
internal sealed class StoreOutboxUnderTest(StoreFixture store) : IOutboxUnderTest
{
    private readonly SqliteOutbox _outbox = store.Services.GetRequiredService<SqliteOutbox>();

    public Task EnqueueAsync(OutboxItem item) => _outbox.EnqueueAsync(item, CancellationToken.None);

    public Task EnqueueAsync(OutboxItem item, CancellationToken cancellationToken) => _outbox.EnqueueAsync(item, cancellationToken);

    public async Task<OutboxItem> GetAsync(Guid id) =>
        (await _outbox.ListAsync(new OutboxQuery(Limit: int.MaxValue), CancellationToken.None)).Single(i => i.Id == id);

    public Task<IReadOnlyList<OutboxItem>> TakeDueAsync(string contentType, DateTimeOffset now, int maxItems, CancellationToken cancellationToken) => _outbox.TakeDueAsync(contentType, now, maxItems, cancellationToken);

    public Task RecordAttemptAsync(Guid itemId, OutboxAttempt attempt, CancellationToken cancellationToken) => _outbox.RecordAttemptAsync(itemId, attempt, cancellationToken);

    public Task RecordValidationAsync(Guid itemId, PayloadValidationReport report, CancellationToken cancellationToken) => _outbox.RecordValidationAsync(itemId, report, cancellationToken);

    public Task MarkSentAsync(Guid itemId, DateTimeOffset sentAt, CancellationToken cancellationToken) => _outbox.MarkSentAsync(itemId, sentAt, cancellationToken);

    public Task ScheduleRetryAsync(Guid itemId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) => _outbox.ScheduleRetryAsync(itemId, nextAttemptAt, cancellationToken);

    public Task WaitAsync(Guid itemId, DateTimeOffset nextAttemptAt, string waitingFor, CancellationToken cancellationToken) => _outbox.WaitAsync(itemId, nextAttemptAt, waitingFor, cancellationToken);

    public Task ParkAsync(Guid itemId, string reason, CancellationToken cancellationToken) => _outbox.ParkAsync(itemId, reason, cancellationToken);

    public Task<bool> RequeueAsync(Guid itemId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) => _outbox.RequeueAsync(itemId, nextAttemptAt, cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> ListAsync(OutboxQuery query, CancellationToken cancellationToken) => _outbox.ListAsync(query, cancellationToken);

    public ValueTask DisposeAsync() => store.DisposeAsync();
}
