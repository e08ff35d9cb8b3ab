using InfusionSuite.Fhir.Outbox;

namespace InfusionSuite.Fhir.Tests;

/// <summary>An outbox implementation under the contract tests, with what a test needs beside the contract.</summary>
public interface IOutboxUnderTest : IFhirOutbox, IAsyncDisposable
{
    /// <summary>Adds an item as storage would at a session's end.</summary>
    Task EnqueueAsync(FhirOutboxItem item);

    /// <summary>The item as stored now.</summary>
    Task<FhirOutboxItem> GetAsync(Guid id);
}
