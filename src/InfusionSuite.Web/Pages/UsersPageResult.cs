using InfusionSuite.Application.Staff;
using InfusionSuite.Web.Accounts;

namespace InfusionSuite.Web.Pages;

/// <summary>Renders the users page: every account with its state (times in the site's zone) and the admin's forms.</summary>
internal static class UsersPageResult
{
    public static async Task<IResult> RenderAsync(HttpContext context, IStaffAccounts accounts, SignInClock signInClock, UsersPageState state, int status = StatusCodes.Status200OK)
    {
        var now = signInClock.Now; // lockouts run on the real clock
        var zone = PageChrome.SiteZoneOf(context.RequestServices);
        var users = (await accounts.ListAsync(context.RequestAborted)).Select(a =>
        {
            var locked = a.LockedUntil is { } until && until > now;
            return new UserView(
                a.UserName,
                a.DisplayName,
                StaffClaims.RoleName(a.Role),
                a.Disabled ? "Disabled" : locked ? "Locked out on a device until " + PageText.Time(a.LockedUntil!.Value, zone) : "Active",
                locked,
                a.Disabled);
        }).ToList();
        return StationPage.Render<UsersPage>(
            context,
            "Users",
            new Dictionary<string, object?> { [nameof(UsersPage.Users)] = users, [nameof(UsersPage.State)] = state },
            status);
    }
}
