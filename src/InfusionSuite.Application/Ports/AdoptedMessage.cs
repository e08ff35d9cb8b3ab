namespace InfusionSuite.Application.Ports;

/// <summary>
/// A stored sample or controller event that no session had taken, taken now by a session started
/// late (its effective time in the past): it joins that session's log at a new place in the ingest
/// order, after the start.
/// </summary>
public sealed record AdoptedMessage(long StoredIngestSeq, long IngestSeq, string SessionId);
