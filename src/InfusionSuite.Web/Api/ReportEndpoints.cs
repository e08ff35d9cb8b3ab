using System.Globalization;
using System.Text;
using InfusionSuite.Application.Courses;
using InfusionSuite.Web.Accounts;
using InfusionSuite.Web.Pages;
using InfusionSuite.Web.Reports;

namespace InfusionSuite.Web.Api;

/// <summary>
/// The suite report (nurses and admins; no patient data) as JSON and CSV, and the chair-planning answer
/// for scheduling systems (any signed-in user or token).
/// </summary>
internal static class ReportEndpoints
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/suite", ReportAsync).RequireAuthorization(StaffRoles.PatientDataPolicy).WithTags("Reports")
            .WithSummary("Success rate, adherence, deviation rates, pre/post-cooling against target and chair time by regimen (from, to: site-local dates)");
        api.MapGet("/reports/suite.csv", CsvAsync).RequireAuthorization(StaffRoles.PatientDataPolicy).WithTags("Reports")
            .WithSummary("The suite report as CSV");
        api.MapGet("/planning/chair-minutes", PlanAsync).WithTags("Planning")
            .WithSummary("Chair minutes for a visit with cooling: pre-cooling target + infusion + post-cooling target + warm-up + the measured median overrun");
        return api;
    }

    /// <summary>The report for the query's range, or the 400 naming the field.</summary>
    public static async Task<(SuiteReportView? Report, IResult? Problem)> BuildAsync(HttpContext context, string? from, string? to, CourseQueries queries)
    {
        var (range, errors) = ReportRange.Parse(from, to, PageChrome.SiteZoneOf(context.RequestServices));
        if (range is null)
        {
            return (null, ActionResults.Invalid(errors));
        }

        var report = await queries.ReportAsync(range.Start, range.End, context.RequestAborted);
        return (SuiteReportViews.From(report, range), null);
    }

    private static async Task<IResult> ReportAsync(HttpContext context, string? from, string? to, CourseQueries queries)
    {
        var (report, problem) = await BuildAsync(context, from, to, queries);
        return report is null ? problem! : TypedResults.Ok(report);
    }

    private static async Task<IResult> CsvAsync(HttpContext context, string? from, string? to, CourseQueries queries)
    {
        var (report, problem) = await BuildAsync(context, from, to, queries);
        if (report is null)
        {
            return problem!;
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"suite-report-{report.From ?? "start"}-to-{report.To ?? "now"}.csv");
        return TypedResults.File(Encoding.UTF8.GetBytes(SuiteReportCsv.Write(report)), "text/csv; charset=utf-8", name);
    }

    private static async Task<IResult> PlanAsync(string? regimen, string? infusionMinutes, CourseQueries queries, CancellationToken cancellationToken)
    {
        var errors = new List<Application.Nursing.FieldError>();
        if (!int.TryParse(infusionMinutes, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < 1 or > 720)
        {
            errors.Add(new("infusionMinutes", "Give the planned infusion in whole minutes, 1–720."));
        }

        if (string.IsNullOrWhiteSpace(regimen) || !queries.PresetNames.Contains(regimen, StringComparer.Ordinal))
        {
            errors.Add(new("regimen", "Name one of the regimen presets listed in presets."));
        }

        if (errors.Count > 0)
        {
            // Preset names may hold commas ("Paclitaxel weekly, 80 mg/m2"): they go as a list, never joined into the text.
            return ActionResults.Invalid(errors, new Dictionary<string, object?> { ["presets"] = queries.PresetNames });
        }

        var plan = await queries.PlanAsync(regimen!, TimeSpan.FromMinutes(minutes), cancellationToken);
        return TypedResults.Ok(SuiteReportViews.Plan(plan!));
    }
}
