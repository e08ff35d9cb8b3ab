namespace InfusionSuite.Application.Ingest;

/// <summary>The <c>kind</c> tag of <see cref="IngestMetrics.MessagesName"/>.</summary>
internal enum IngestKind
{
    Telemetry,
    Event,
    Hello,
    Presence,
    Nurse,
}
