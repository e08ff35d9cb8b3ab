namespace InfusionSuite.Storage.Schema;

/// <summary>Append-only (triggers refuse UPDATE and DELETE): account changes, tokens and lockouts.</summary>
public sealed class StaffAuditRow
{
    public long AuditKey { get; set; }

    public long AtMs { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public required string Subject { get; set; }

    public required string Detail { get; set; }
}
