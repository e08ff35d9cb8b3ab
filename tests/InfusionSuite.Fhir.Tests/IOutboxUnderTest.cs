using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Outbox;

namespace InfusionSuite.Fhir.Tests;

/// <summary>An outbox implementation under the contract tests, with what a test needs beside the contract.</summary>
public interface IOutboxUnderTest : IOutbox, IAsyncDisposable
{
    /// <summary>Adds an item as storage would at a session's end.</summary>
    Task EnqueueAsync(OutboxItem item);

    /// <summary>The item as stored now.</summary>
    Task<OutboxItem> GetAsync(Guid id);
}
