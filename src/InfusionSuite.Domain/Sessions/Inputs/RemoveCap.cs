namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>The nurse says the cap is removed after post-cooling.</summary>
public sealed record RemoveCap(DateTimeOffset ReceivedAt, string NurseId, DateTimeOffset? EffectiveAt = null)
    : NurseAction(ReceivedAt, NurseId, EffectiveAt)
{
    public override NurseActionKind Kind => NurseActionKind.CapRemoved;
}
