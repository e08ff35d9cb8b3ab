using InfusionSuite.Application.Ports;

namespace InfusionSuite.Application.Ingest;

/// <summary>Production: no fault is injected.</summary>
internal sealed class NoIngestFaults : IIngestFaultPoint
{
    public ValueTask BeforeCommitAsync(IngestBatch batch, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask AfterCommitAsync(IngestBatch batch, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
