using System.Globalization;
using InfusionSuite.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace InfusionSuite.Web.Pages;

/// <summary>Sign-in and sign-out (forms with antiforgery tokens), and the page for a user without rights.</summary>
internal static class SignInPages
{
    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpContext context, string? returnUrl) => Form(context, returnUrl, null, StatusCodes.Status200OK)).AllowAnonymous();
        app.MapPost("/signin", SignInAsync).AllowAnonymous();
        app.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/signin");
        });
        app.MapGet("/forbidden", (HttpContext context) => StationPage.Render<ForbiddenPage>(context, "Not allowed", status: StatusCodes.Status403Forbidden));
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, StaffAccountService accounts)
    {
        var outcome = await accounts.SignInAsync(userName ?? string.Empty, password ?? string.Empty, context.RequestAborted);
        switch (outcome.Status)
        {
            case SignInStatus.SignedIn:
                var principal = StaffClaims.Principal(outcome.Account!, CookieAuthenticationDefaults.AuthenticationScheme);
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
                return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
            case SignInStatus.LockedOut:
                var minutes = outcome.LockedUntil is { } until
                    ? Math.Max(1, (int)Math.Ceiling((until - context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()).TotalMinutes))
                    : 1;
                return Form(context, returnUrl, string.Create(CultureInfo.InvariantCulture,
                    $"This account is locked after repeated failed sign-ins. Try again in {minutes} minute{(minutes == 1 ? string.Empty : "s")}, or ask an administrator."),
                    StatusCodes.Status423Locked);
            default:
                return Form(context, returnUrl, "Wrong user name or password.", StatusCodes.Status401Unauthorized);
        }
    }

    private static IResult Form(HttpContext context, string? returnUrl, string? error, int status) =>
        StationPage.Render<SignInPage>(
            context,
            "Sign in",
            new Dictionary<string, object?> { [nameof(SignInPage.ReturnUrl)] = IsLocal(returnUrl) ? returnUrl : "/", [nameof(SignInPage.Error)] = error },
            status);

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
