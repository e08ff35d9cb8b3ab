using System.Globalization;
using InfusionSuite.Application.Staff;
using InfusionSuite.Web.Accounts;

namespace InfusionSuite.Web.Pages;

/// <summary>Renders the users page: every account with its state (times in the site's zone) and the admin's forms.</summary>
internal static class UsersPageResult
{
    public static async Task<IResult> RenderAsync(HttpContext context, IStaffAccounts accounts, SignInClock signInClock, UsersPageState state, int status = StatusCodes.Status200OK)
    {
        var now = signInClock.Now; // lockouts run on the real clock
        var self = context.User.UserId();
        var users = (await accounts.ListAsync(context.RequestAborted)).Select(a =>
        {
            var locked = a.LockedUntil is { } until && until > now;
            return new UserView(
                a.UserName,
                a.DisplayName,
                StaffClaims.RoleName(a.Role),
                a.Disabled ? "Disabled" : locked ? LockedFor(a.LockedUntil!.Value - now) : "Active",
                locked,
                a.Disabled,
                a.UserId == self);
        }).ToList();
        return StationPage.Render<UsersPage>(
            context,
            "Users",
            new Dictionary<string, object?> { [nameof(UsersPage.Users)] = users, [nameof(UsersPage.State)] = state },
            status);
    }

    /// <summary>
    /// How long a lockout still runs, in minutes (rounded up), not as a clock time: lockouts run on the real clock,
    /// which a demo's scaled clinical clock does not show.
    /// </summary>
    private static string LockedFor(TimeSpan left) =>
        string.Create(CultureInfo.InvariantCulture, $"Locked out on a device for {Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))} more min");
}
