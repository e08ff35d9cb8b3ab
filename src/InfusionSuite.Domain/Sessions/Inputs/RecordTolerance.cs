namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>The patient's tolerance of cooling, 0 (none) to 10 (worst).</summary>
public sealed record RecordTolerance(DateTimeOffset ReceivedAt, string NurseId, int Score, DateTimeOffset? EffectiveAt = null)
    : NurseAction(ReceivedAt, NurseId, EffectiveAt)
{
    public override NurseActionKind Kind => NurseActionKind.Tolerance;
}
