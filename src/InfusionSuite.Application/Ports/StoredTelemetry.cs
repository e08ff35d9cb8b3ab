using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Ports;

/// <summary>
/// One telemetry sample to store, with its place in the global ingest order. A value type: the hot
/// path appends these to a reused batch without allocating.
/// </summary>
/// <param name="IngestSeq">Global arrival order across every stored input (samples and the rest).</param>
/// <param name="SessionId">The session whose log accepted it; null when no open session took it (kept for engineers).</param>
public readonly record struct StoredTelemetry(long IngestSeq, TelemetrySample Sample, DateTimeOffset ReceivedAt, string? SessionId);
