using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Web.Courses;

namespace InfusionSuite.Web.Reports;

/// <summary>The domain's report as the API, the page and the CSV show it: percents and minutes to one decimal.</summary>
internal static class SuiteReportViews
{
    public static SuiteReportView From(SuiteReport report, ReportRange range)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(range);
        return new SuiteReportView(
            range.FromText,
            range.ToText,
            [.. report.Outcomes.Select(Outcome)],
            Outcome(report.Overall),
            [.. report.Deviations.Select(d => new DeviationRateView(d.Name, d.Sessions, d.CooledSessions, Percent(d.Rate)))],
            [.. report.Timing.Select(t => new RegimenTimingView(
                CourseText.Regimen(t.Regimen), t.Sessions,
                Minutes(t.MeanPreCooling), Minutes(t.MeanPreCoolingTarget),
                Minutes(t.MeanPostCooling), Minutes(t.MeanPostCoolingTarget),
                t.ChairSessions, Minutes(t.MeanChairTime), Minutes(t.MedianChairTime), Minutes(t.MedianOverrun)))],
            [.. report.References.Select(r => new ReferenceView(r.Label, r.Percent, r.Bound, r.Source))]);
    }

    public static ChairPlanView Plan(ChairPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new ChairPlanView(
            plan.Regimen,
            WholeMinutes.Of(plan.Total),
            WholeMinutes.Of(plan.PreCooling),
            WholeMinutes.Of(plan.Infusion),
            WholeMinutes.Of(plan.PostCooling),
            WholeMinutes.Of(plan.WarmUp),
            Math.Round(plan.MedianOverrun.TotalMinutes, 1),
            plan.MeasuredSessions);
    }

    private static RegimenOutcomeView Outcome(RegimenOutcome o) => new(
        CourseText.Regimen(o.Regimen), o.Courses, o.WithResult, o.Successes, o.FollowUpDue, Percent(o.SuccessRate),
        o.SessionsCooled, o.ChemotherapySessionsGiven, Percent(o.Adherence));

    private static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;

    private static double? Minutes(TimeSpan? span) => span is { } s ? Math.Round(s.TotalMinutes, 1) : null;
}
