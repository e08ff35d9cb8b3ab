namespace InfusionSuite.Storage.Schema;

/// <summary>One accepted nurse action, append-only (triggers refuse UPDATE and DELETE).</summary>
public sealed class NurseAuditRow
{
    public long AuditKey { get; set; }

    public int SessionKey { get; set; }

    /// <summary>The input this row explains.</summary>
    public long IngestSeq { get; set; }

    public int Action { get; set; }

    /// <summary>Opaque user id.</summary>
    public required string NurseId { get; set; }

    public long EnteredAtMs { get; set; }

    public long EffectiveAtMs { get; set; }

    public int? StatusBefore { get; set; }

    public int StatusAfter { get; set; }

    public required string Change { get; set; }
}
