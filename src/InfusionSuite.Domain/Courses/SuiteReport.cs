using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Courses;

/// <summary>
/// The suite's figures over a date range, without patient data: success rate and adherence by
/// regimen preset, deviation rates by kind, mean pre-/post-cooling against target and chair time by
/// regimen. A course is in the range when its last dose is; a session when it started in it.
/// </summary>
/// <param name="From">Inclusive start of the range (null: from the beginning).</param>
/// <param name="To">Exclusive end of the range (null: to now).</param>
public sealed record SuiteReport(
    DateTimeOffset? From,
    DateTimeOffset? To,
    IReadOnlyList<RegimenOutcome> Outcomes,
    IReadOnlyList<DeviationRate> Deviations,
    IReadOnlyList<RegimenTiming> Timing,
    IReadOnlyList<ReferenceFigure> References)
{
    /// <summary>All regimens together.</summary>
    public RegimenOutcome Overall => new(
        "All regimens",
        Outcomes.Sum(o => o.Courses),
        Outcomes.Sum(o => o.WithResult),
        Outcomes.Sum(o => o.Successes),
        Outcomes.Sum(o => o.FollowUpDue),
        Outcomes.Sum(o => o.SessionsCooled),
        Outcomes.Sum(o => o.ChemotherapySessionsGiven));

    /// <summary>Builds the report over <paramref name="courses"/> (regimens in name order).</summary>
    public static SuiteReport Build(IEnumerable<CourseSummary> courses, DateTimeOffset? from, DateTimeOffset? to, CoursePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(courses);
        ArgumentNullException.ThrowIfNull(policy);
        var all = courses.ToList();
        bool InRange(DateTimeOffset at) => (from is null || at >= from) && (to is null || at < to);

        var outcomes = all
            .Where(c => c.LastDoseAt is { } last && InRange(last))
            .GroupBy(c => c.Regimen, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RegimenOutcome(
                g.Key,
                g.Count(),
                g.Count(c => c.Result is CourseResult.Success or CourseResult.NotSuccess),
                g.Count(c => c.Result == CourseResult.Success),
                g.Count(c => c.Result == CourseResult.FollowUpDue),
                g.Sum(c => c.SessionsCooled),
                g.Sum(c => c.ChemotherapySessionsGiven)))
            .ToList();

        var cooled = all
            .SelectMany(c => c.Sessions.Where(s => s.Cooled && InRange(s.StartedAt)).Select(s => (c.Regimen, Session: s)))
            .ToList();
        var deviations = Enum.GetValues<DeviationCode>()
            .Select(code => new DeviationRate(
                code,
                new SessionDeviation(code, TimeSpan.Zero, string.Empty).Name,
                cooled.Count(x => x.Session.Deviations.Any(d => d.Code == code)),
                cooled.Count))
            .ToList();
        var timing = cooled
            .GroupBy(x => x.Regimen, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => TimingOf(g.Key, [.. g.Select(x => x.Session)], policy))
            .ToList();
        return new SuiteReport(from, to, outcomes, deviations, timing, ReferenceFigure.Published);
    }

    /// <summary>One regimen's timing over its cooled sessions.</summary>
    public static RegimenTiming TimingOf(string regimen, IReadOnlyList<CourseSessionLine> sessions, CoursePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(policy);
        var pre = sessions.Where(s => s.PreCooling is not null).ToList();
        var post = sessions.Where(s => s.PostCooling is not null).ToList();
        var completed = sessions.Where(s => s.Overrun(policy.WarmUp) is not null).ToList();
        return new RegimenTiming(
            regimen,
            sessions.Count,
            Durations.Mean([.. pre.Select(s => s.PreCooling!.Value)]),
            Durations.Mean([.. pre.Select(s => s.PreCoolingTarget)]),
            Durations.Mean([.. post.Select(s => s.PostCooling!.Value)]),
            Durations.Mean([.. post.Select(s => s.PostCoolingTarget)]),
            completed.Count,
            Durations.Mean([.. completed.Select(s => s.ChairTime!.Value)]),
            Durations.Median(completed.Select(s => s.ChairTime!.Value)),
            Durations.Median(completed.Select(s => s.Overrun(policy.WarmUp)!.Value)));
    }
}
