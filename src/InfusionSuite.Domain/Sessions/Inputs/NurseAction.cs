namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>
/// Something a nurse did. <see cref="EffectiveAt"/> is when it happened when documented late;
/// both times are kept. <see cref="NurseId"/> is an opaque user id, never a name.
/// </summary>
public abstract record NurseAction(DateTimeOffset ReceivedAt, string NurseId, DateTimeOffset? EffectiveAt)
    : SessionInput(ReceivedAt)
{
    /// <summary>When the action happened: the effective time, or the entry time when none was given.</summary>
    public DateTimeOffset EffectiveInstant => EffectiveAt ?? ReceivedAt;

    public abstract NurseActionKind Kind { get; }
}
