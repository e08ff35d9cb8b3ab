using InfusionSuite.Application.Ports;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// Test seam around each batch commit (a no-op in production). A test makes the writer "die"
/// between receiving and committing (throw in <see cref="BeforeCommitAsync"/>) or between committing
/// and acknowledging (throw in <see cref="AfterCommitAsync"/>); either way nothing is acknowledged.
/// </summary>
public interface IIngestFaultPoint
{
    ValueTask BeforeCommitAsync(IngestBatch batch, CancellationToken cancellationToken);

    ValueTask AfterCommitAsync(IngestBatch batch, CancellationToken cancellationToken);
}
