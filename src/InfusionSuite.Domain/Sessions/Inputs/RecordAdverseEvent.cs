namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>An adverse event the nurse observed.</summary>
public sealed record RecordAdverseEvent(DateTimeOffset ReceivedAt, string NurseId, AdverseEventKind Event, DateTimeOffset? EffectiveAt = null)
    : NurseAction(ReceivedAt, NurseId, EffectiveAt)
{
    public override NurseActionKind Kind => NurseActionKind.AdverseEvent;
}
