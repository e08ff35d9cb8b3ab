namespace InfusionSuite.Domain.Sessions;

/// <summary>An accepted nurse action with both of its times (the audit trail).</summary>
public sealed record NurseEntry(NurseActionKind Kind, string NurseId, DateTimeOffset EnteredAt, DateTimeOffset EffectiveAt)
{
    public bool DocumentedLate => EffectiveAt != EnteredAt;
}
