using InfusionSuite.Application.Courses;
using InfusionSuite.Web.Accounts;
using InfusionSuite.Web.Pages;

namespace InfusionSuite.Web.Reports;

/// <summary>
/// The suite report page (nurses and admins). A date range it cannot read (not a date, or ending before it
/// starts) gives the page again with the dates as typed and the reason under the field (400), not the API's problem.
/// </summary>
internal static class ReportPages
{
    public static void MapReportPages(this IEndpointRouteBuilder app) =>
        app.MapGet("/reports", async (HttpContext context, string? from, string? to, CourseQueries queries) =>
        {
            var (range, errors) = ReportRange.Parse(from, to, PageChrome.SiteZoneOf(context.RequestServices));
            if (range is null)
            {
                return StationPage.Render<ReportPage>(context, "Suite report", new Dictionary<string, object?>
                {
                    [nameof(ReportPage.Errors)] = errors,
                    [nameof(ReportPage.FromText)] = from,
                    [nameof(ReportPage.ToText)] = to,
                }, StatusCodes.Status400BadRequest);
            }

            var report = SuiteReportViews.From(await queries.ReportAsync(range.Start, range.End, context.RequestAborted), range);
            return StationPage.Render<ReportPage>(context, "Suite report", new Dictionary<string, object?>
            {
                [nameof(ReportPage.Report)] = report,
                [nameof(ReportPage.FromText)] = report.From,
                [nameof(ReportPage.ToText)] = report.To,
            });
        }).RequireAuthorization(StaffRoles.PatientDataPolicy);
}
