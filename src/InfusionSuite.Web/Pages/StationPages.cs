using InfusionSuite.Application.Staff;
using InfusionSuite.Web.Accounts;
using InfusionSuite.Web.Sessions;

namespace InfusionSuite.Web.Pages;

/// <summary>The chair board, a chair's page, a session's page, and the admins' audit and user pages (Razor components, rendered on the server).</summary>
internal static class StationPages
{
    public static void MapStationPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) => StationPage.Render<BoardPage>(context, "Chair board"));
        app.MapGet("/sessions/{id}", (HttpContext context, string id) =>
            StationPage.Render<SessionPage>(context, "Session", new Dictionary<string, object?> { [nameof(SessionPage.SessionId)] = id }));
        app.MapGet("/chairs/{controllerId}", (HttpContext context, string controllerId) =>
            StationPage.Render<ChairPage>(context, "Chair", new Dictionary<string, object?> { [nameof(ChairPage.ControllerId)] = controllerId }));
        app.MapGet("/audit", AuditAsync).RequireAuthorization(StaffRoles.AdminPolicy);
        app.MapUserAdmin();
    }

    private static async Task<IResult> AuditAsync(HttpContext context, SessionPageReader reader) =>
        StationPage.Render<AuditPage>(context, "Audit", new Dictionary<string, object?>
        {
            [nameof(AuditPage.Audit)] = await reader.AuditPageAsync(SessionPageReader.AuditPageRows, context.RequestAborted),
        });
}
