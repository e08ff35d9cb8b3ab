namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>An adverse event the nurse observed.</summary>
/// <param name="Details">
/// The nurse's words for it: required for <see cref="AdverseEventKind.Other"/> at the nurse station and API
/// (what the other event was), optional for the named kinds; null in records stored before it existed.
/// At most <see cref="AdverseEventEntry.MaxDetailsLength"/> characters, no control characters.
/// </param>
public sealed record RecordAdverseEvent(DateTimeOffset ReceivedAt, string NurseId, AdverseEventKind Event, DateTimeOffset? EffectiveAt = null, string? Details = null)
    : NurseAction(ReceivedAt, NurseId, EffectiveAt)
{
    public override NurseActionKind Kind => NurseActionKind.AdverseEvent;
}
