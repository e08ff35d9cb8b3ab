namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>The nurse says the cap is placed and cooling (used when the controller cannot say).</summary>
public sealed record PlaceCap(DateTimeOffset ReceivedAt, string NurseId, DateTimeOffset? EffectiveAt = null)
    : NurseAction(ReceivedAt, NurseId, EffectiveAt)
{
    public override NurseActionKind Kind => NurseActionKind.CapPlaced;
}
