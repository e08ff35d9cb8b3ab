namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>The alopecia-causing drug ended.</summary>
public sealed record EndInfusion(DateTimeOffset ReceivedAt, string NurseId, DateTimeOffset? EffectiveAt = null)
    : NurseAction(ReceivedAt, NurseId, EffectiveAt)
{
    public override NurseActionKind Kind => NurseActionKind.InfusionEnded;
}
