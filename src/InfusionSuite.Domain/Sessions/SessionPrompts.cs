namespace InfusionSuite.Domain.Sessions;

/// <summary>When the chair board's next time-driven prompt becomes due, so a timer can fire without telemetry.</summary>
public static class SessionPrompts
{
    /// <summary>
    /// The next instant after <paramref name="now"/> at which a prompt becomes due: the pre-cooling
    /// target ("ready for infusion", if the coolant is at setpoint) or the post-cooling target
    /// ("remove cap"). Null when no time-driven prompt is pending.
    /// </summary>
    public static DateTimeOffset? NextDue(ScalpCoolingSessionRecord record, DateTimeOffset now) =>
        DueAt(record) is { } due && due > now ? due : null;

    /// <summary>
    /// The instant the running pre- or post-cooling phase reaches its target. Pre-cooling counts only time
    /// the controller was cooling (docs/clinical-rules.md), so every minute not cooling moves it later, and
    /// while the controller is not cooling it has none. Null in other phases.
    /// </summary>
    public static DateTimeOffset? DueAt(ScalpCoolingSessionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Status is not (SessionStatus.PreCooling or SessionStatus.PostCooling)
            || SessionLiveView.CurrentPhase(record) is not { Target: { } target } phase)
        {
            return null;
        }

        if (phase.Phase != SessionPhase.PreCooling)
        {
            return phase.Start + target;
        }

        return SessionLiveView.IsCooling(record.Controller) ? phase.Start + target + phase.NotCooling : null;
    }
}
