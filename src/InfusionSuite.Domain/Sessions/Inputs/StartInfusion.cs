namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>The alopecia-causing drug started (not the pre-medication).</summary>
public sealed record StartInfusion(DateTimeOffset ReceivedAt, string NurseId, DateTimeOffset? EffectiveAt = null)
    : NurseAction(ReceivedAt, NurseId, EffectiveAt)
{
    public override NurseActionKind Kind => NurseActionKind.InfusionStarted;
}
