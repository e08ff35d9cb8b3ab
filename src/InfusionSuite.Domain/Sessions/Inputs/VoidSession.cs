namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>The session was entered in error: kept for audit, never billed.</summary>
/// <param name="Details">
/// The nurse's words: required for <see cref="VoidReason.Other"/> at the nurse station and API (why the record
/// is void), optional otherwise; null in records stored before it existed. At most
/// <see cref="AdverseEventEntry.MaxDetailsLength"/> characters, no control characters.
/// </param>
public sealed record VoidSession(DateTimeOffset ReceivedAt, string NurseId, VoidReason Reason, DateTimeOffset? EffectiveAt = null, string? Details = null)
    : NurseAction(ReceivedAt, NurseId, EffectiveAt)
{
    public override NurseActionKind Kind => NurseActionKind.Void;
}
