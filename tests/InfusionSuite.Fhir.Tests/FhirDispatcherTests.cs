namespace InfusionSuite.Fhir.Tests;

/// <summary>The dispatcher contract over the in-memory reference outbox.</summary>
[Collection(ValidatorCollection.Name)]
public sealed class FhirDispatcherTests(ValidatorFixture fixture) : FhirDispatcherContract(fixture)
{
    protected override Task<IOutboxUnderTest> CreateOutboxAsync() => Task.FromResult<IOutboxUnderTest>(new InMemoryOutbox());
}
