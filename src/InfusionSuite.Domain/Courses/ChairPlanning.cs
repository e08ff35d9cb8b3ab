using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Courses;

/// <summary>
/// The chair time to book for a visit with cooling (issue 17, "Chair planning"): the preset's
/// pre-cooling target + the planned infusion + the preset's post-cooling target + the planned warm-up
/// [clinical-rules "Removal": 5–10 min], plus the suite's median overrun measured on the regimen's
/// completed sessions (<see cref="CourseSessionLine.Overrun"/>; an early finish adds nothing).
/// </summary>
public static class ChairPlanning
{
    public static ChairPlan Plan(RegimenPreset preset, TimeSpan infusion, IEnumerable<CourseSessionLine> regimenSessions, CoursePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(regimenSessions);
        ArgumentNullException.ThrowIfNull(policy);
        var overruns = regimenSessions.Select(s => s.Overrun(policy.WarmUp)).OfType<TimeSpan>().ToList();
        var median = Durations.Median(overruns) ?? TimeSpan.Zero;
        return new ChairPlan(
            preset.Name,
            preset.Targets.PreCooling,
            infusion,
            preset.Targets.PostCooling,
            policy.WarmUp,
            median > TimeSpan.Zero ? median : TimeSpan.Zero,
            overruns.Count);
    }
}
