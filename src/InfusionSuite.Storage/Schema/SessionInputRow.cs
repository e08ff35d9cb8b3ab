namespace InfusionSuite.Storage.Schema;

/// <summary>
/// One input of a session's log other than a sample (nurse action, controller event, hello,
/// liveness), or a controller event that no session took (<see cref="SessionKey"/> null).
/// </summary>
public sealed class SessionInputRow
{
    /// <summary>The global ingest order (rowid): replay merges this table and telemetry on it.</summary>
    public long IngestSeq { get; set; }

    public int? SessionKey { get; set; }

    public int? ControllerKey { get; set; }

    public int Kind { get; set; }

    /// <summary>For controller events: boot and seq, unique per controller with <see cref="TsMs"/> (a redelivered event is stored once).</summary>
    public int? Boot { get; set; }

    public long? Seq { get; set; }

    public long ReceivedAtMs { get; set; }

    /// <summary>
    /// A controller event's ts, UTC milliseconds since the Unix epoch (null for other inputs): part of its
    /// key, so a redelivered event is stored once and a reused boot id's new run is stored too.
    /// </summary>
    public long? TsMs { get; set; }

    /// <summary>The input as JSON.</summary>
    public required string Payload { get; set; }
}
