namespace InfusionSuite.Domain.Sessions;

/// <summary>When the chair board's next time-driven prompt becomes due, so a timer can fire without telemetry.</summary>
public static class SessionPrompts
{
    /// <summary>
    /// The next instant after <paramref name="now"/> at which a prompt becomes due: the pre-cooling
    /// target ("ready for infusion", if the coolant is at setpoint) or the post-cooling target
    /// ("remove cap"). Null when no time-driven prompt is pending.
    /// </summary>
    public static DateTimeOffset? NextDue(ScalpCoolingSessionRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Status is not (SessionStatus.PreCooling or SessionStatus.PostCooling)
            || SessionLiveView.CurrentPhase(record) is not { Target: { } target } phase)
        {
            return null;
        }

        var due = phase.Start + target;
        return due > now ? due : null;
    }
}
