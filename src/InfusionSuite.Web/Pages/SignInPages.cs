using System.Globalization;
using InfusionSuite.Web.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace InfusionSuite.Web.Pages;

/// <summary>Sign-in and sign-out (forms with antiforgery tokens), and the page for a user without rights.</summary>
internal static class SignInPages
{
    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpContext context, string? returnUrl) =>
            BadReturnUrl(returnUrl) ?? Form(context, returnUrl, null, StatusCodes.Status200OK)).AllowAnonymous();
        app.MapPost("/signin", SignInAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimit.PolicyName);
        app.MapPost("/signout", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            // The form's token is required, so a cross-site form cannot sign a nurse out.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem(title: "Antiforgery token missing or invalid", statusCode: StatusCodes.Status400BadRequest);
            }

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/signin");
        });
        app.MapGet("/forbidden", (HttpContext context) => StationPage.Render<ForbiddenPage>(context, "Not allowed", status: StatusCodes.Status403Forbidden));
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, StaffAccountService accounts)
    {
        if (BadReturnUrl(returnUrl) is { } bad)
        {
            return bad;
        }

        var outcome = await accounts.SignInAsync(userName ?? string.Empty, password ?? string.Empty, SignInClient.Of(context), context.RequestAborted);
        switch (outcome.Status)
        {
            case SignInStatus.SignedIn:
                var principal = StaffClaims.Principal(outcome.Account!, CookieAuthenticationDefaults.AuthenticationScheme);
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
                return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
            case SignInStatus.LockedOut:
                var minutes = outcome.LockedUntil is { } until
                    ? Math.Max(1, (int)Math.Ceiling((until - context.RequestServices.GetRequiredService<SignInClock>().Now).TotalMinutes))
                    : 1;
                return Form(context, returnUrl, string.Create(CultureInfo.InvariantCulture,
                    $"This account is locked on this device after repeated failed sign-ins. Try again in {minutes} minute{(minutes == 1 ? string.Empty : "s")}, or ask an administrator."),
                    StatusCodes.Status423Locked);
            default:
                return Form(context, returnUrl, "Wrong user name or password.", StatusCodes.Status401Unauthorized);
        }
    }

    /// <summary>The form again, 429, when this device tried more than the sign-in rate allows (<see cref="SignInRateLimit"/>).</summary>
    /// <param name="seconds">When the next attempt is let through (the <c>Retry-After</c> value).</param>
    public static IResult TooManyAttempts(HttpContext context, int seconds)
    {
        var wait = seconds <= 60
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds} second{(seconds == 1 ? string.Empty : "s")}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Ceiling(seconds / 60.0)} minutes");
        return Form(
            context,
            context.Request.Query["returnUrl"],
            $"Too many sign-in attempts from this device. Wait {wait}, then try again.",
            StatusCodes.Status429TooManyRequests);
    }

    private static IResult Form(HttpContext context, string? returnUrl, string? error, int status) =>
        StationPage.Render<SignInPage>(
            context,
            "Sign in",
            new Dictionary<string, object?> { [nameof(SignInPage.ReturnUrl)] = IsLocal(returnUrl) ? returnUrl : "/", [nameof(SignInPage.Error)] = error },
            status);

    /// <summary>A 400 naming <c>returnUrl</c> when it holds control characters (the framework's local-redirect check would throw on it); otherwise null.</summary>
    private static IResult? BadReturnUrl(string? returnUrl) =>
        returnUrl is not null && returnUrl.Any(char.IsControl)
            ? Results.ValidationProblem(new Dictionary<string, string[]> { ["returnUrl"] = ["The return address holds control characters."] })
            : null;

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
