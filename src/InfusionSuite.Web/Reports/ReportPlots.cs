using System.Globalization;

namespace InfusionSuite.Web.Reports;

/// <summary>The report's plots as bar rows: each figure with the count behind it.</summary>
internal static class ReportPlots
{
    public static IReadOnlyList<BarRow> Success(SuiteReportView r) =>
        [.. r.Outcomes.Append(r.Overall).Select(o => new BarRow(
            o.Regimen, o.SuccessPercent,
            o.SuccessPercent is { } p ? F($"{p:0.0} % ({o.Successes} of {o.WithResult})") : F($"no follow-up yet ({o.Courses} courses)")))];

    public static IReadOnlyList<ReferenceLine> Published(SuiteReportView r) =>
        [.. r.References.Select(x => new ReferenceLine(x.Percent, F($"{(x.Bound == "=" ? string.Empty : x.Bound)}{x.Percent:0.#} % {Short(x.Label)}")))];

    /// <summary>Patients who cool in fewer than half their sessions do worse (shared/spec clinical-rules).</summary>
    public static IReadOnlyList<ReferenceLine> HalfTheSessions { get; } = [new(50, "50 %")];

    public static IReadOnlyList<BarRow> Adherence(SuiteReportView r) =>
        [.. r.Outcomes.Append(r.Overall).Select(o => new BarRow(
            o.Regimen, o.AdherencePercent,
            o.AdherencePercent is { } p ? F($"{p:0.0} % ({o.SessionsCooled} of {o.ChemotherapySessionsGiven})") : "no sessions"))];

    public static IReadOnlyList<BarRow> Deviations(SuiteReportView r) =>
        [.. r.Deviations.Select(d => new BarRow(Courses.CourseText.Deviation(d.Code), d.Percent ?? 0, d.Percent is { } p ? F($"{p:0.0} % ({d.Sessions} of {d.CooledSessions})") : "no cooled sessions"))];

    public static IReadOnlyList<BarRow> Cooling(SuiteReportView r) =>
        [.. r.Timing.SelectMany(t => new[]
        {
            new BarRow(t.Regimen + " · pre-cooling", t.MeanPreCoolingMinutes, Against(t.MeanPreCoolingMinutes, t.MeanPreCoolingTargetMinutes), t.MeanPreCoolingTargetMinutes),
            new BarRow(t.Regimen + " · post-cooling", t.MeanPostCoolingMinutes, Against(t.MeanPostCoolingMinutes, t.MeanPostCoolingTargetMinutes), t.MeanPostCoolingTargetMinutes),
        })];

    public static IReadOnlyList<BarRow> ChairTime(SuiteReportView r) =>
        [.. r.Timing.Select(t => new BarRow(
            t.Regimen, t.MeanChairMinutes,
            t.MeanChairMinutes is { } mean ? F($"{mean:0} min (median {t.MedianChairMinutes:0}, {t.ChairSessions} sessions)") : "no completed sessions"))];

    /// <summary>The scale's end for minutes: the largest value or target, rounded up to 30 min.</summary>
    public static double MinutesMax(IEnumerable<BarRow> rows)
    {
        var max = rows.SelectMany(x => new[] { x.Value ?? 0, x.Marker ?? 0 }).DefaultIfEmpty(0).Max();
        return Math.Max(30, Math.Ceiling(max / 30) * 30);
    }

    private static string Against(double? mean, double? target) =>
        mean is { } m ? F($"{m:0.0} min (target {target:0})") : "none measured";

    private static string Short(string label) => label.Split(',')[0];

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
