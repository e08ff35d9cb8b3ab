namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>The session was entered in error: kept for audit, never billed.</summary>
public sealed record VoidSession(DateTimeOffset ReceivedAt, string NurseId, VoidReason Reason, DateTimeOffset? EffectiveAt = null)
    : NurseAction(ReceivedAt, NurseId, EffectiveAt)
{
    public override NurseActionKind Kind => NurseActionKind.Void;
}
