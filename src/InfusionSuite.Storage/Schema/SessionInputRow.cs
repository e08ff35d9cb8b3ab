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

    /// <summary>For controller events: boot and seq, unique per controller (a redelivered event is stored once).</summary>
    public int? Boot { get; set; }

    public long? Seq { get; set; }

    public long ReceivedAtMs { get; set; }

    /// <summary>The input as JSON.</summary>
    public required string Payload { get; set; }
}
