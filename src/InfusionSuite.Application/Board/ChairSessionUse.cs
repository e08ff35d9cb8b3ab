using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Board;

/// <summary>
/// The sessions a chair ran since this node started, as the board saw them (it shows only the latest): when a session that
/// was not voided last used the chair, and the spans (start → end) of those voided since the start, so that a stored
/// listing read before a void is not taken for a session in use.
/// </summary>
/// <param name="LastUsedAt">The latest instant of a session not voided (its record's as-of); null when every one was voided.</param>
/// <param name="Voided">Each voided session's span, start to end (its start while it had none).</param>
public sealed record ChairSessionUse(DateTimeOffset? LastUsedAt, IReadOnlyList<TimeInterval> Voided)
{
    public static ChairSessionUse None { get; } = new(null, []);

    /// <summary>Whether a stored "last session" instant belongs to a session voided since the start (storage's max of start and end).</summary>
    public bool VoidedSince(DateTimeOffset storedAt) =>
        Voided.Any(v => storedAt >= v.Start - TimeSpan.FromMilliseconds(1) && storedAt <= v.End + TimeSpan.FromMilliseconds(1));
}
