using InfusionSuite.Application.Staff;
using InfusionSuite.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace InfusionSuite.Web.Pages;

/// <summary>
/// The admins' account forms on <c>/users</c>: add, disable, enable, unlock, reset a password, issue an API token (shown once) and revoke a user's tokens.
/// Each is a form post with the antiforgery field, done by <see cref="StaffAccountService"/> and audited with the
/// admin as the one who did it; field errors come back next to their fields.
/// </summary>
internal static class UserAdminEndpoints
{
    public static readonly IReadOnlyDictionary<string, string> Notices = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["added"] = "Added",
        ["disabled"] = "Disabled (API tokens revoked)",
        ["enabled"] = "Enabled",
        ["unlocked"] = "Unlocked",
        ["password"] = "Password reset (signed out everywhere, API tokens revoked)",
        ["revoked"] = "API tokens revoked",
    };

    public static void MapUserAdmin(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/users").RequireAuthorization(StaffRoles.AdminPolicy);
        users.MapGet("/", (HttpContext context, string? notice, string? user, IStaffAccounts accounts, SignInClock time) =>
            UsersPageResult.RenderAsync(context, accounts, time, new UsersPageState(Notices.TryGetValue(notice ?? string.Empty, out var done) && user is not null ? done + ": " + user : null)));
        users.MapPost("/add", AddAsync);
        users.MapPost("/change", ChangeAsync);
        users.MapPost("/password", ResetPasswordAsync);
    }

    private static async Task<IResult> ResetPasswordAsync(
        HttpContext context, [FromForm] string? resetUserName, [FromForm] string? resetPassword, StaffAccountService service, IStaffAccounts accounts, SignInClock time)
    {
        var name = (resetUserName ?? string.Empty).Trim().ToLowerInvariant();
        // Every field's problem at once, not one per try.
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (name.Length == 0)
        {
            errors["resetUserName"] = "Choose the user.";
        }

        if (StaffAccountService.PasswordProblem(resetPassword) is { } weak)
        {
            errors["resetPassword"] = weak;
        }

        if (errors.Count == 0 && await service.ResetPasswordAsync(name, resetPassword ?? string.Empty, context.User.UserId(), context.RequestAborted) is { } problem)
        {
            errors[problem.Contains("password", StringComparison.Ordinal) ? "resetPassword" : "resetUserName"] = problem;
        }

        return errors.Count == 0
            ? Results.LocalRedirect("/users?notice=password&user=" + Uri.EscapeDataString(name))
            : await UsersPageResult.RenderAsync(
                context, accounts, time, new UsersPageState(null, null, errors, new Dictionary<string, string>(StringComparer.Ordinal) { ["resetUserName"] = name }),
                StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> AddAsync(
        HttpContext context, [FromForm] string? userName, [FromForm] string? displayName, [FromForm] string? role, [FromForm] string? password,
        [FromForm] string? practitioner, StaffAccountService service, IStaffAccounts accounts, SignInClock time)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["userName"] = userName ?? string.Empty, ["displayName"] = displayName ?? string.Empty, ["role"] = role ?? string.Empty, ["practitioner"] = practitioner ?? string.Empty,
        };
        // Every field's problem at once, not one per try.
        var errors = new Dictionary<string, string>(StaffAccountService.NewAccountProblems(userName, displayName, password), StringComparer.Ordinal);
        if (!StaffClaims.TryParseRole(role, out var staffRole))
        {
            errors["role"] = "Choose the role: nurse, engineer or admin.";
        }

        if (errors.Count == 0)
        {
            var (account, problem) = await service.AddAsync(userName ?? string.Empty, displayName ?? string.Empty, staffRole, password!, practitioner, context.User.UserId(), context.RequestAborted);
            if (account is not null)
            {
                return Results.LocalRedirect("/users?notice=added&user=" + Uri.EscapeDataString(account.UserName));
            }

            errors["userName"] = problem ?? "The account was not added."; // the fields were checked above: what is left is a name taken
        }

        return await UsersPageResult.RenderAsync(context, accounts, time, new UsersPageState(null, null, errors, values), StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ChangeAsync(
        HttpContext context, [FromForm] string? userName, [FromForm] string? action, [FromForm] string? confirmed, StaffAccountService service, IStaffAccounts accounts, SignInClock time)
    {
        var name = (userName ?? string.Empty).Trim().ToLowerInvariant();
        var actor = context.User.UserId();
        var cancellationToken = context.RequestAborted;
        if (action == "disable" && await accounts.FindByNameAsync(name, cancellationToken) is { } own && own.UserId == actor)
        {
            // An admin who disables their own account is signed out and may leave the site with no admin at all.
            return await UsersPageResult.RenderAsync(
                context, accounts, time, new UsersPageState("Nothing was changed: you cannot disable your own account. Another admin can."), StatusCodes.Status400BadRequest);
        }

        switch (action)
        {
            case "disable" when confirmed != "yes":
                // Disabling signs a nurse out mid-shift: asked again, naming the user, before anything changes.
                return await UsersPageResult.RenderAsync(context, accounts, time, new UsersPageState(null, ConfirmDisable: name));
            case "token":
                var token = await service.IssueTokenAsync(name, actor, cancellationToken);
                return await UsersPageResult.RenderAsync(
                    context, accounts, time, token is null ? new UsersPageState("No token: the user is unknown or disabled.") : new UsersPageState(null, new IssuedToken(name, token)));
            case "disable" or "enable" when await service.SetDisabledAsync(name, action == "disable", actor, cancellationToken):
                return Results.LocalRedirect($"/users?notice={action}d&user={Uri.EscapeDataString(name)}");
            case "revoke-tokens" when await service.RevokeTokensAsync(name, actor, cancellationToken) is not null:
                return Results.LocalRedirect("/users?notice=revoked&user=" + Uri.EscapeDataString(name));
            case "unlock" when await service.UnlockAsync(name, actor, cancellationToken):
                return Results.LocalRedirect("/users?notice=unlocked&user=" + Uri.EscapeDataString(name));
            default:
                return await UsersPageResult.RenderAsync(context, accounts, time, new UsersPageState("Nothing was changed: no such user or action."), StatusCodes.Status400BadRequest);
        }
    }
}
