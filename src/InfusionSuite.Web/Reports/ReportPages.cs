using InfusionSuite.Application.Courses;
using InfusionSuite.Web.Accounts;
using InfusionSuite.Web.Api;
using InfusionSuite.Web.Pages;

namespace InfusionSuite.Web.Reports;

/// <summary>The suite report page (nurses and admins).</summary>
internal static class ReportPages
{
    public static void MapReportPages(this IEndpointRouteBuilder app) =>
        app.MapGet("/reports", async (HttpContext context, string? from, string? to, CourseQueries queries) =>
        {
            var (report, problem) = await ReportEndpoints.BuildAsync(context, from, to, queries);
            return report is null
                ? problem!
                : StationPage.Render<ReportPage>(context, "Suite report", new Dictionary<string, object?> { [nameof(ReportPage.Report)] = report });
        }).RequireAuthorization(StaffRoles.PatientDataPolicy);
}
