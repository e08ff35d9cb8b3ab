using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Courses;

/// <summary>One session of a course as the course page shows it: phase minutes against targets and its deviations.</summary>
/// <param name="PreCooling">Placement → infusion start; null until the infusion started.</param>
/// <param name="PostCooling">Infusion end → last cooling stop; null until cooling stopped or the session ended.</param>
/// <param name="CoolingTime">Placement → last cooling stop (or the end, or the latest input while it runs), less interruptions.</param>
/// <param name="DoseAt">When the chemotherapy was given: infusion end, else its start, else the session's start.</param>
/// <param name="ChairTime">Cap placement → removal, warm-up included (the performed period); null until removed.</param>
public sealed record CourseSessionLine(
    string SessionId,
    DateTimeOffset StartedAt,
    DateTimeOffset DoseAt,
    SessionStatus Status,
    bool Cooled,
    TimeSpan? PreCooling,
    TimeSpan PreCoolingTarget,
    TimeSpan? Infusion,
    TimeSpan? PostCooling,
    TimeSpan PostCoolingTarget,
    TimeSpan CoolingTime,
    TimeSpan? ChairTime,
    IReadOnlyList<SessionDeviation> Deviations)
{
    /// <summary>
    /// For a completed session: chair time − (pre-cooling target + its infusion + post-cooling target +
    /// <paramref name="warmUp"/>); null otherwise.
    /// </summary>
    public TimeSpan? Overrun(TimeSpan warmUp) =>
        Status == SessionStatus.Completed && ChairTime is { } chair && Infusion is { } infusion
            ? chair - (PreCoolingTarget + infusion + PostCoolingTarget + warmUp)
            : null;

    /// <summary>The session's line, from its record.</summary>
    public static CourseSessionLine From(ScalpCoolingSessionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var cooling = TimeSpan.Zero;
        foreach (var phase in record.Phases)
        {
            var end = phase.End ?? record.AsOf;
            if (phase.Phase.IsProtocolCooling() && end > phase.Start)
            {
                cooling += end - phase.Start;
            }
        }

        cooling -= record.Interruptions.Total;
        var infusion = record.Phase(SessionPhase.Infusion);
        return new CourseSessionLine(
            record.Plan.SessionId,
            record.StartedAt,
            record.Boundaries.InfusionEndedAt ?? record.Boundaries.InfusionStartedAt ?? record.StartedAt,
            record.Status,
            Cooled: record.Status != SessionStatus.Voided && record.Boundaries.CapPlacedAt is not null,
            record.Phase(SessionPhase.PreCooling) is { } pre && infusion is not null ? pre.Duration : null,
            record.Plan.Targets.PreCooling,
            infusion?.Duration,
            record.Phase(SessionPhase.PostCooling)?.Duration,
            record.Plan.Targets.PostCooling,
            cooling > TimeSpan.Zero ? cooling : TimeSpan.Zero,
            record.PerformedPeriod?.Duration,
            record.Deviations);
    }
}
