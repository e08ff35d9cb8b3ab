namespace InfusionSuite.Storage.Schema;

/// <summary>
/// One telemetry sample, compactly: integers only (SQLite stores each in 0–6 bytes). Unique per
/// (controller, boot, seq, ts), so a redelivered sample is stored once, and a controller that restarted
/// reusing its boot id (the same seqs again, at later times) has its new run stored too.
/// </summary>
public sealed class TelemetryRow
{
    /// <summary>The global ingest order (rowid alias, costs no column).</summary>
    public long IngestSeq { get; set; }

    public int ControllerKey { get; set; }

    /// <summary>The uint boot id held as its int bits.</summary>
    public int Boot { get; set; }

    public long Seq { get; set; }

    /// <summary>The controller's ts, UTC milliseconds since the Unix epoch.</summary>
    public long TsMs { get; set; }

    /// <summary>Server receive instant minus <see cref="TsMs"/>, in milliseconds.</summary>
    public long ReceivedOffsetMs { get; set; }

    /// <summary>State (bits 0–2), cap connected (bit 3), alarm bits (bits 4–19).</summary>
    public int Packed { get; set; }

    /// <summary>Tenths of °C.</summary>
    public int Coolant { get; set; }

    /// <summary>Tenths of °C; null when the cap has no scalp sensor.</summary>
    public int? Scalp { get; set; }

    public int Flow { get; set; }

    /// <summary>The session whose log accepted it; null when none did (kept for engineers, then purged).</summary>
    public int? SessionKey { get; set; }
}
