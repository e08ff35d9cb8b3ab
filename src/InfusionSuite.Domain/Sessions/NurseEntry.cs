namespace InfusionSuite.Domain.Sessions;

/// <summary>An accepted nurse action with both of its times (the audit trail).</summary>
/// <param name="LateAfter">How much earlier than its entry an action may be dated and still not be "documented late" (<see cref="SessionPolicy.LateEntryThreshold"/>).</param>
public sealed record NurseEntry(NurseActionKind Kind, string NurseId, DateTimeOffset EnteredAt, DateTimeOffset EffectiveAt, TimeSpan LateAfter = default)
{
    /// <summary>Entered more than <see cref="LateAfter"/> after it happened (docs/clinical-rules.md, "Late documentation").</summary>
    public bool DocumentedLate => SessionPolicy.IsLate(EnteredAt, EffectiveAt, LateAfter);
}
