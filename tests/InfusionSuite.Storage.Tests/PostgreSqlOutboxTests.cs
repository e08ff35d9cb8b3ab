using InfusionSuite.Fhir.Tests;

namespace InfusionSuite.Storage.Tests;

/// <summary>The dispatcher contract (the same tests as the in-memory reference) over the outbox of opaque items in a real PostgreSQL database.</summary>
[Collection(ValidatorCollection.Name)]
public sealed class PostgreSqlOutboxTests(ValidatorFixture fixture) : FhirDispatcherContract(fixture)
{
    protected override async Task<IOutboxUnderTest> CreateOutboxAsync()
    {
        var store = new StoreFixture(StorageProvider.PostgreSql, ehrDelivery: true);
        await store.OpenAsync();
        return new StoreOutboxUnderTest(store);
    }
}
