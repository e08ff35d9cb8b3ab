namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>The nurse starts a session on a chair with the chosen plan.</summary>
public sealed record StartSession(DateTimeOffset ReceivedAt, string NurseId, SessionPlan Plan, DateTimeOffset? EffectiveAt = null)
    : NurseAction(ReceivedAt, NurseId, EffectiveAt)
{
    public override NurseActionKind Kind => NurseActionKind.StartSession;
}
