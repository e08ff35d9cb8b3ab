namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>The nurse stops the session early, with a reason.</summary>
public sealed record AbortSession(DateTimeOffset ReceivedAt, string NurseId, AbortReason Reason, DateTimeOffset? EffectiveAt = null)
    : NurseAction(ReceivedAt, NurseId, EffectiveAt)
{
    public override NurseActionKind Kind => NurseActionKind.Abort;
}
