namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>The nurse stops the session early, with a reason.</summary>
/// <param name="Details">
/// The nurse's words: required for <see cref="AbortReason.Other"/> at the nurse station and API (why it stopped),
/// optional otherwise; null in records stored before it existed. At most
/// <see cref="AdverseEventEntry.MaxDetailsLength"/> characters, no control characters.
/// </param>
public sealed record AbortSession(DateTimeOffset ReceivedAt, string NurseId, AbortReason Reason, DateTimeOffset? EffectiveAt = null, string? Details = null)
    : NurseAction(ReceivedAt, NurseId, EffectiveAt)
{
    public override NurseActionKind Kind => NurseActionKind.Abort;
}
