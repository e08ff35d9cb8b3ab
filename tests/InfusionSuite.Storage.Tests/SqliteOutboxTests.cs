using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Fhir.Tests;
using InfusionSuite.Storage.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Storage.Tests;

/// <summary>The dispatcher contract (the same tests as the in-memory reference) over the SQLite outbox of opaque items on a real file.</summary>
[Collection(ValidatorCollection.Name)]
public sealed class SqliteOutboxTests(ValidatorFixture fixture) : FhirDispatcherContract(fixture)
{
    protected override async Task<IOutboxUnderTest> CreateOutboxAsync()
    {
        var store = new StoreFixture(ehrDelivery: true);
        await store.OpenAsync();
        return new SqliteOutboxUnderTest(store);
    }

    [Fact]
    public async Task Attempts_AreAppendOnlyInTheDatabase()
    {
        await using var store = new StoreFixture(ehrDelivery: true);
        await store.OpenAsync();
        var outbox = new SqliteOutboxUnderTest(store);
        var item = new OutboxItem { Id = Guid.NewGuid(), SessionId = "a-1", Kind = OutboxItemKind.Session, ContentType = FhirOutboxItems.ContentType, Payload = "{}", EnqueuedAt = Sessions.Nine, NextAttemptAt = Sessions.Nine };
        await outbox.EnqueueAsync(item);
        await outbox.RecordAttemptAsync(item.Id, new OutboxAttempt(1, Sessions.Nine, Sessions.Nine, OutboxAttemptOutcome.TransientFailure, 503, "Down."), CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE outbox_attempts SET http_status = 200", "DELETE FROM outbox_attempts" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(503, (await outbox.GetAsync(item.Id)).Attempts.Single().HttpStatus);
    }

    private sealed class SqliteOutboxUnderTest(StoreFixture store) : IOutboxUnderTest
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

        public Task ParkAsync(Guid itemId, string reason, CancellationToken cancellationToken) => _outbox.ParkAsync(itemId, reason, cancellationToken);

        public Task<bool> RequeueAsync(Guid itemId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) => _outbox.RequeueAsync(itemId, nextAttemptAt, cancellationToken);

        public Task<IReadOnlyList<OutboxItem>> ListAsync(OutboxQuery query, CancellationToken cancellationToken) => _outbox.ListAsync(query, cancellationToken);

        public ValueTask DisposeAsync() => store.DisposeAsync();
    }
}
