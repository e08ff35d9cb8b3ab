using System.Data.Common;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Fhir.Tests;

namespace InfusionSuite.Storage.Tests;

/// <summary>The dispatcher contract (the same tests as the in-memory reference) over the outbox of opaque items on a real SQLite file.</summary>
[Collection(ValidatorCollection.Name)]
public sealed class SqliteOutboxTests(ValidatorFixture fixture) : FhirDispatcherContract(fixture)
{
    protected override async Task<IOutboxUnderTest> CreateOutboxAsync()
    {
        var store = new StoreFixture(ehrDelivery: true);
        await store.OpenAsync();
        return new StoreOutboxUnderTest(store);
    }

    [Theory]
    [BothEngines]
    public async Task Attempts_AreAppendOnlyInTheDatabase(StorageProvider engine)
    {
        await using var store = new StoreFixture(engine, ehrDelivery: true);
        await store.OpenAsync();
        var outbox = new StoreOutboxUnderTest(store);
        var item = new OutboxItem { Id = Guid.NewGuid(), SessionId = "a-1", Kind = OutboxItemKind.Session, ContentType = FhirOutboxItems.ContentType, Payload = "{}", EnqueuedAt = Sessions.Nine, NextAttemptAt = Sessions.Nine };
        await outbox.EnqueueAsync(item);
        await outbox.RecordAttemptAsync(item.Id, new OutboxAttempt(1, Sessions.Nine, Sessions.Nine, OutboxAttemptOutcome.TransientFailure, 503, "Down."), CancellationToken.None);

        foreach (var sql in new[] { "UPDATE outbox_attempts SET http_status = 200", "DELETE FROM outbox_attempts" })
        {
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => store.ExecuteAsync(sql));
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(503, (await outbox.GetAsync(item.Id)).Attempts.Single().HttpStatus);
    }
}
